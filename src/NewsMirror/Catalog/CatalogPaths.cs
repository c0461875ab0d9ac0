using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Archive.Layouts.Jekyll;

namespace NewsMirror.Catalog;

/// <summary>
/// How catalog folders map to the archive: an <c>articles/&lt;folder&gt;/</c> folder by its name, and the Jekyll
/// variant's <c>_posts/</c> folder under its own name. Each folder's files are read by the layout that owns it.
/// </summary>
public static class CatalogPaths
{
    public const string JekyllFolder = ArchivePaths.PostsFolderName;

    /// <summary>The layout whose files <paramref name="folder"/> holds.</summary>
    public static IArchiveLayout LayoutOf(string folder) => folder == JekyllFolder ? JekyllLayout.Instance : DutyMachineLayout.Instance;

    /// <summary>
    /// Whether the folder is one source's, with an identity log of its own under the same name (the shared Jekyll
    /// folder is not: its posts are in the logs of their sources).
    /// </summary>
    public static bool HasOwnLog(string folder) => LayoutOf(folder).FolderPerSource;

    public static string Relative(string folder, string file) => LayoutOf(folder).RelativeArticlePath(folder, file);

    public static string Directory(ArchivePaths paths, string folder) => LayoutOf(folder).ArticlesFolder(paths, folder);
}
