using NewsMirror.Identity;
namespace NewsMirror.Archive;

/// <summary>Where each part of an archive lives, relative to its root folder.</summary>
public sealed class ArchivePaths(string root)
{
    /// <summary>The duty-machine layout's article folders: <c>articles/&lt;folder&gt;/</c>.</summary>
    public const string ArticlesFolderName = "articles";

    /// <summary>The Jekyll layout's one folder of posts.</summary>
    public const string PostsFolderName = "_posts";

    /// <summary>Localized images: <c>assets/&lt;folder&gt;/</c>.</summary>
    public const string AssetsFolderName = "assets";

    /// <summary>One list page per source: <c>lists/&lt;display name&gt;.md</c>.</summary>
    public const string ListsFolderName = "lists";

    public string Root { get; } = Path.GetFullPath(root);
    public string Readme => Path.Combine(Root, "README.md");
    public string SourcesFile => Path.Combine(Root, Sources.SourcesFile.DefaultName);
    /// <summary>The folder that holds every <see cref="ArticlesFolder"/>.</summary>
    public string ArticlesRoot => Path.Combine(Root, ArticlesFolderName);
    public string ArticlesFolder(string folder) => Path.Combine(Root, ArticlesFolderName, folder);
    public string AssetsFolder(string folder) => Path.Combine(Root, AssetsFolderName, folder);
    /// <summary>The Jekyll layout's one folder of posts, shared by all sources.</summary>
    public string PostsFolder => Path.Combine(Root, PostsFolderName);
    public string ListFile(string sourceName) => Path.Combine(Root, ListsFolderName, sourceName + ".md");

    /// <summary>NewsMirror's own state beside the articles: the committed identity logs and the git-ignored catalog.</summary>
    public string StateFolder => Path.Combine(Root, ".newsmirror");
    public string IdentityLogFolder => Path.Combine(StateFolder, "log");
    public string IdentityLog(string folder) => Path.Combine(IdentityLogFolder, folder + ".jsonl");

    /// <summary>Local to this clone, never committed: one writer at a time.</summary>
    public string LockFile => Path.Combine(StateFolder, "lock");

    /// <summary>
    /// Local, never committed: present from the moment a writer's lock is found abandoned (the process died) until a
    /// commit has taken what that writer left uncommitted.
    /// </summary>
    public string InterruptedMarker => Path.Combine(StateFolder, "interrupted");

    /// <summary><paramref name="path"/> relative to the root, with '/' separators (as git names it).</summary>
    public string Relative(string path) => System.IO.Path.GetRelativePath(Root, path).Replace('\\', '/');
}
