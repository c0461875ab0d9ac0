namespace NewsMirror.Publishing.Git;

/// <summary>
/// Which live processes may be writing a repository's <c>index.lock</c>, read from Linux's <c>/proc</c>: any
/// process with the lock open, and any git process working in the repository (its current directory inside the
/// working tree or the git directory — git takes the lock before it writes to it). Elsewhere the answer is unknown.
/// </summary>
public static class LiveGitProcesses
{
    private const string Proc = "/proc";

    /// <summary>Whether this platform lets <see cref="Holding"/> tell; false: no /proc to read.</summary>
    public static bool CanTell => OperatingSystem.IsLinux() && File.Exists(Path.Combine(Proc, "self", "comm"));

    /// <summary>PIDs of the processes (other than this one) that may hold <paramref name="indexLock"/>; empty when none can.</summary>
    /// <remarks>Processes of other users whose directory and files cannot be read are not counted.</remarks>
    public static IReadOnlyList<int> Holding(string indexLock, string workTree, string gitDirectory)
    {
        var lockPath = RealPath(indexLock);
        var roots = new[] { RealPath(workTree), RealPath(gitDirectory) };
        var holders = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories(Proc))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId) continue;
            if (IsGitIn(entry, roots) || HasOpen(entry, lockPath)) holders.Add(pid);
        }
        return holders;
    }

    private static bool IsGitIn(string process, string[] roots)
    {
        var name = ReadOrNull(Path.Combine(process, "comm"))?.Trim();
        if (name is null || !(name == "git" || name.StartsWith("git-", StringComparison.Ordinal))) return false;
        var cwd = LinkOrNull(Path.Combine(process, "cwd"));
        return cwd is not null && roots.Any(root => cwd == root || cwd.StartsWith(root + "/", StringComparison.Ordinal));
    }

    private static bool HasOpen(string process, string file)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")).Any(fd => LinkOrNull(fd) == file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile, or another user's
        }
    }

    private static string? ReadOrNull(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static string? LinkOrNull(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The path with every symbolic link in it resolved, as /proc shows a process's directory and files.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            var target = LinkOrNull(next);
            // A link's target may itself hold links: resolve it again from the top.
            resolved = target is null ? next : RealPath(Path.IsPathRooted(target) ? target : Path.Combine(resolved, target));
        }
        return resolved;
    }
}
