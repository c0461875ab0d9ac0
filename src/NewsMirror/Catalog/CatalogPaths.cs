using NewsMirror.Archive;

namespace NewsMirror.Catalog;

/// <summary>
/// How catalog folders map to the archive: an <c>articles/&lt;folder&gt;/</c> folder by its name, and the Jekyll
/// variant's <c>_posts/</c> folder under its own name.
/// </summary>
public static class CatalogPaths
{
    public const string JekyllFolder = ArchivePaths.PostsFolderName;

    public static string Relative(string folder, string file) =>
        folder == JekyllFolder ? $"{JekyllFolder}/{file}" : $"{ArchivePaths.ArticlesFolderName}/{folder}/{file}";

    public static string Directory(ArchivePaths paths, string folder) =>
        folder == JekyllFolder ? paths.PostsFolder : paths.ArticlesFolder(folder);
}
