using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Archive;

/// <summary>
/// A source's articles in the archive's layout: loads what the source already holds, and writes new articles
/// with their list page and identity log lines. With a catalog (a run of the duty layout) identity questions
/// are indexed queries; without one the folder is listed and its log read.
/// </summary>
public sealed class ArticleStore(ArchivePaths paths, ArchiveLayout layout, ArchiveCatalog? catalog = null)
{
    public IArchiveFolder Load(SourceConfig source) =>
        layout == ArchiveLayout.Jekyll ? PostsFolder.Load(paths, source.Folder, source.Name)
        : catalog is not null ? catalog.Folder(source.Folder)
        : ArchiveFolder.Load(paths, source.Folder);

    /// <returns>How many articles were written, and every file written (relative to the archive root).</returns>
    public (int Written, List<string> Files) Write(SourceConfig source, IArchiveFolder folder, IReadOnlyCollection<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        var written = articles.Count == 0 ? []
            : layout == ArchiveLayout.Jekyll
                ? ArticleWriter.WritePosts(paths, folder, source.Name, articles, now, warnings)
                : ArticleWriter.Write(paths, folder, articles, now, warnings);
        var files = written.Select(a => Path.Combine(folder.Path, a.File)).ToList();
        if (written.Count > 0) files.Add(paths.IdentityLog(source.Folder));
        // The catalog learns what was just written (and any revision) from the log lines, before the list is made.
        (folder as CatalogFolder)?.CatchUp();
        // Checked on every run, not only when articles were added: a run killed between its article files and
        // the list page leaves a stale list that only this repairs (it is rewritten only when it differs).
        if (folder.Count > 0 && ArchiveIndexPages.WriteList(paths, source, folder, layout) is { } list) files.Add(list);
        return (written.Count, files.Select(paths.Relative).ToList());
    }
}
