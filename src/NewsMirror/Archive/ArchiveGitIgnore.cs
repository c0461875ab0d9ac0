namespace NewsMirror.Archive;

/// <summary>
/// The archive's root <c>.gitignore</c>, the one place it is edited: patterns are added when missing, existing
/// lines are kept as they are, and the file is replaced atomically.
/// </summary>
public static class ArchiveGitIgnore
{
    public const string FileName = ".gitignore";

    public static string PathIn(ArchivePaths paths) => Path.Combine(paths.Root, FileName);

    /// <summary>
    /// <paramref name="existing"/> with every missing pattern appended (after a blank line and <paramref name="comment"/>
    /// when one is given); null when none is missing.
    /// </summary>
    public static string? WithPatterns(string? existing, IReadOnlyList<string> patterns, string? comment = null)
    {
        var present = (existing ?? "").Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = patterns.Where(p => !present.Contains(p)).ToList();
        if (missing.Count == 0) return null;
        var text = existing ?? "";
        if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
        if (comment is not null)
        {
            if (text.Length > 0) text += "\n";
            text += comment + "\n";
        }
        return text + string.Join("", missing.Select(p => p + "\n"));
    }

    /// <summary>Adds the missing <paramref name="patterns"/> to the archive's .gitignore; true when the file was written.</summary>
    public static bool Ensure(ArchivePaths paths, IReadOnlyList<string> patterns, string? comment = null)
    {
        var path = PathIn(paths);
        var updated = WithPatterns(File.Exists(path) ? File.ReadAllText(path) : null, patterns, comment);
        if (updated is null) return false;
        AtomicFile.WriteAllText(path, updated);
        return true;
    }
}
