using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>Finds archived articles by file path (relative to the archive root, or absolute) or by link.</summary>
public static class ArticleLookup
{
    public static List<CatalogRow> Find(ArchiveCatalog catalog, string fileOrLink)
    {
        if (ByPath(catalog.Paths, fileOrLink) is { } located)
        {
            lock (catalog.Gate)
                return CatalogRows.Query(catalog.Connection, "WHERE folder = $folder AND file = $file", ("$folder", located.Folder), ("$file", located.File));
        }
        lock (catalog.Gate)
            return CatalogRows.Query(catalog.Connection, "WHERE link_key = $key ORDER BY folder, id", ("$key", LinkKey.Of(fileOrLink)));
    }

    private static (string Folder, string File)? ByPath(ArchivePaths paths, string text)
    {
        if (text.Contains("://", StringComparison.Ordinal)) return null;
        var relative = Path.GetRelativePath(paths.Root, Path.GetFullPath(text, paths.Root)).Replace('\\', '/');
        var parts = relative.Split('/');
        if (parts.Length == 3 && parts[0] == ArchivePaths.ArticlesFolderName) return (parts[1], parts[2]);
        if (parts.Length == 2 && parts[0] == CatalogPaths.JekyllFolder) return (parts[0], parts[1]);
        return null;
    }
}
