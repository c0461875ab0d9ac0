namespace NewsMirror.Catalog;

/// <summary>
/// How catalog folders map to the archive: an <c>articles/&lt;folder&gt;/</c> folder by its name, and the Jekyll
/// variant's <c>_posts/</c> folder under its own name.
/// </summary>
public static class CatalogPaths
{
    public const string JekyllFolder = "_posts";

    public static string Relative(string folder, string file) =>
        folder == JekyllFolder ? $"{JekyllFolder}/{file}" : $"articles/{folder}/{file}";

    public static string Directory(NewsMirror.Archive.ArchivePaths paths, string folder) =>
        folder == JekyllFolder ? Path.Combine(paths.Root, JekyllFolder) : paths.ArticlesFolder(folder);
}
