using NewsMirror.Archive;

namespace NewsMirror.Publishing.Setup;

/// <summary>What <c>newsmirror init</c> puts in the archive's <c>.gitignore</c> (edited by <see cref="ArchiveGitIgnore"/>): files that stay local to a clone (catalog, lock, built site, CI caches).</summary>
public static class GitIgnoreFile
{
    public const string Name = ArchiveGitIgnore.FileName;

    private const string Comment = "# Local to each clone, never committed (added by newsmirror init)";

    public static IReadOnlyList<string> Patterns(CiProvider ci) =>
    [
        ".newsmirror/catalog.db*",
        ".newsmirror/lock",
        ".newsmirror/lock.takeover",
        ".newsmirror/interrupted",
        "site/",
        .. ci == CiProvider.GitLab ? new[] { ".nuget-packages/", ".newsmirror-tool/" } : [],
    ];

    /// <summary>The file with every missing pattern appended; null when none is missing. Existing lines are kept as they are.</summary>
    public static string? Update(string? existing, CiProvider ci) => ArchiveGitIgnore.WithPatterns(existing, Patterns(ci), Comment);
}
