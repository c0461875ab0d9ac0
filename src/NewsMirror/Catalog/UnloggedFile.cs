using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.Jekyll;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Catalog;

/// <summary>An article file no log line describes (made by the reference script, or by hand): indexed from its header.</summary>
internal static class UnloggedFile
{
    public static bool IsArticleName(string folder, string name) =>
        folder == CatalogPaths.JekyllFolder
            ? name.EndsWith(".md", StringComparison.Ordinal) && !name.StartsWith('.')
            : ArticleFileName.TryParse(name, out _);

    /// <summary>
    /// The row for the file; an unreadable article file still gets one (empty title and link) because it
    /// holds its id, which must never be handed out again. null for an unreadable Jekyll post.
    /// </summary>
    public static CatalogRow? Read(ArchiveCatalog catalog, string folder, string directory, string file)
    {
        var path = Path.Combine(directory, file);
        var source = catalog.SourceName(folder);
        if (folder == CatalogPaths.JekyllFolder)
        {
            try
            {
                var post = JekyllPost.Parse(File.ReadAllText(path)).Article;
                return new CatalogRow(folder, file, null, source, null, post.Link, post.Title, post.TimestampMs, null, null, null, null);
            }
            catch (Exception e) when (e is FormatException or IOException) { return null; }
        }
        ArticleFileName.TryParse(file, out var name);
        ArticleHeader header;
        try { header = ArticleFile.ReadHeader(path); }
        catch (Exception e) when (e is FormatException or IOException) { header = new ArticleHeader(null, "", ""); }
        return new CatalogRow(folder, file, name!.Id, source, null, header.Link, header.Title, header.TimestampMs, null, null, null, null);
    }
}
