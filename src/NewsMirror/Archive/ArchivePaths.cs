using NewsMirror.Identity;
namespace NewsMirror.Archive;

/// <summary>Where each part of an archive lives, relative to its root folder.</summary>
public sealed class ArchivePaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string Readme => Path.Combine(Root, "README.md");
    public string SourcesFile => Path.Combine(Root, Sources.SourcesFile.DefaultName);
    public string ArticlesFolder(string folder) => Path.Combine(Root, "articles", folder);
    public string AssetsFolder(string folder) => Path.Combine(Root, "assets", folder);
    /// <summary>The Jekyll layout's one folder of posts, shared by all sources.</summary>
    public string PostsFolder => Path.Combine(Root, "_posts");
    public string ListFile(string sourceName) => Path.Combine(Root, "lists", sourceName + ".md");

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
