namespace NewsMirror.Publishing.Setup;

/// <summary>The archive's <c>.gitignore</c>: files that stay local to a clone (catalog, lock, built site, CI caches).</summary>
public static class GitIgnoreFile
{
    public const string Name = ".gitignore";

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
    public static string? Update(string? existing, CiProvider ci)
    {
        var present = (existing ?? "").Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = Patterns(ci).Where(p => !present.Contains(p)).ToList();
        if (missing.Count == 0) return null;
        var text = existing ?? "";
        if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
        if (text.Length > 0) text += "\n";
        return text + Comment + "\n" + string.Join("", missing.Select(p => p + "\n"));
    }
}
