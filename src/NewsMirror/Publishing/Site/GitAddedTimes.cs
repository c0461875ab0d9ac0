using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// When each article file was first committed, read from <c>git log</c> of the archive. Newest commits come first,
/// so reading stops as soon as every file asked for is found: finding the few new files of an hourly run reads only the
/// last commits.
/// </summary>
internal static class GitAddedTimes
{
    /// <param name="relativePaths">Paths below the archive root with <c>/</c> separators, e.g. <c>articles/dw/1024206.md</c>.</param>
    /// <returns>Commit time in Unix milliseconds of each path found; paths never committed (or no git at all) are absent.</returns>
    public static Dictionary<string, long> Find(string archiveRoot, IReadOnlyCollection<string> relativePaths)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        if (relativePaths.Count == 0) return found;
        var wanted = new HashSet<string>(relativePaths, StringComparer.Ordinal);

        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-C", archiveRoot, "log", "--relative", "--diff-filter=A", "--no-renames", "-z", "--name-only", "--format=%x01%ct", "--", ArchivePaths.ArticlesFolderName })
            start.ArgumentList.Add(argument);

        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception) { return found; }

        using (process)
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            long commitMs = 0;
            foreach (var record in ReadRecords(process.StandardOutput))
            {
                if (record.StartsWith('\u0001'))
                {
                    commitMs = long.Parse(record.AsSpan(1), CultureInfo.InvariantCulture) * 1000;
                    continue;
                }
                var path = record.TrimStart('\n');
                if (wanted.Remove(path)) found[path] = commitMs;
                if (wanted.Count == 0) break;
            }
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        return found;
    }

    private static IEnumerable<string> ReadRecords(StreamReader output)
    {
        var record = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = output.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] != '\0') { record.Append(buffer[i]); continue; }
                yield return record.ToString();
                record.Clear();
            }
        }
    }
}
