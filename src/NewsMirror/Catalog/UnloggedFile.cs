using NewsMirror.Archive;

namespace NewsMirror.Catalog;

/// <summary>An article file no log line describes (made by the reference script, or by hand): indexed from its header.</summary>
internal static class UnloggedFile
{
    public static bool IsArticleName(string folder, string name) => CatalogPaths.LayoutOf(folder).IsArticleFileName(name);

    /// <summary>
    /// The row for the file; an unreadable article file still gets one (empty title and link) because it
    /// holds its id, which must never be handed out again. null for an unreadable Jekyll post.
    /// </summary>
    public static CatalogRow? Read(ArchiveCatalog catalog, string folder, string directory, string file)
    {
        var path = Path.Combine(directory, file);
        var source = catalog.SourceName(folder);
        var layout = CatalogPaths.LayoutOf(folder);
        var id = layout.FileId(file);
        ArticleHeader header;
        try { header = layout.ReadHeader(path); }
        catch (Exception e) when (e is FormatException or IOException)
        {
            if (id is null) return null;
            header = new ArticleHeader(null, "", "");
        }
        return new CatalogRow(folder, file, id, source, null, header.Link, header.Title, header.TimestampMs, null, null, null, null);
    }
}
