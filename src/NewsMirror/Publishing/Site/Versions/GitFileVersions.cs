using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// Every committed content of one article file, read from the archive's git history: a revision rewrites the file, so
/// the older versions' texts live in the commits before it.
/// </summary>
internal static class GitFileVersions
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <param name="relativePath">Below the archive root with <c>/</c> separators, e.g. <c>articles/dw/1024206.md</c>.</param>
    /// <returns>The file's contents, oldest commit first; empty outside git or for a file never committed.</returns>
    public static List<string> Read(string archiveRoot, string relativePath)
    {
        var commits = Git(archiveRoot, "log", "--format=%H", "--no-renames", "--", relativePath);
        if (commits is null) return [];
        var contents = new List<string>();
        foreach (var commit in commits.Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse())
            if (Git(archiveRoot, "show", $"{commit}:./{relativePath}") is { } content) contents.Add(content);
        return contents;
    }

    /// <summary>The command's output, or null when git is missing or the command fails (a deleted file, no repository).</summary>
    private static string? Git(string archiveRoot, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(archiveRoot);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception) { return null; }
        using (process)
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
    }
}
