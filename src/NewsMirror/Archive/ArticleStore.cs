using System.Text;
using NewsMirror.Archive.Layouts;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive;

/// <summary>
/// A source's articles in the archive's layout: loads what the source holds by listing its folder and reading its
/// identity log, and writes new articles (with their log lines), revised articles and list pages. Callers that keep
/// an index of the archive learn what was written from the returned files and the log, never from here.
/// </summary>
public sealed class ArticleStore(ArchivePaths paths, IArchiveLayout layout)
{
    public IArchiveLayout Layout => layout;

    public IArchiveFolder Load(SourceConfig source) => layout.Load(paths, source);

    /// <returns>How many articles were written, and every file written (relative to the archive root).</returns>
    public (int Written, List<string> Files) Write(SourceConfig source, IArchiveFolder folder, IReadOnlyCollection<NewArticle> articles, DateTimeOffset now, SourceWarnings warnings)
    {
        var written = articles.Count == 0 ? [] : layout.Write(paths, folder, source, articles, now, warnings);
        var files = written.Select(a => Path.Combine(folder.Path, a.File)).ToList();
        if (written.Count > 0) files.Add(paths.IdentityLog(source.Folder));
        return (written.Count, files.Select(paths.Relative).ToList());
    }

    /// <summary>
    /// Brings the source's list page up to date with <paramref name="folder"/>. Called on every run, not only when
    /// articles were added: a run killed between its article files and the list page leaves a stale list that only
    /// this repairs (it is rewritten only when it differs).
    /// </summary>
    /// <returns>The list page (relative to the archive root) when it was written.</returns>
    public string? WriteList(SourceConfig source, IArchiveFolder folder) =>
        folder.Count > 0 && ArchiveIndexPages.WriteList(paths, source, folder, layout) is { } list ? paths.Relative(list) : null;

    /// <summary>Rewrites an archived article in place with a new version of it (same file, id and time).</summary>
    /// <returns>The file written, relative to the archive root.</returns>
    /// <exception cref="ArgumentException">The new version cannot be written as an article file.</exception>
    public string Rewrite(SourceConfig source, IArchiveFolder folder, string file, ArticleRecord record, DateTimeOffset now)
    {
        var path = Path.Combine(folder.Path, file);
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(layout.RenderArticle(record, source.Name, now)));
        return paths.Relative(path);
    }
}
