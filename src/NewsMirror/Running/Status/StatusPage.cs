using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Running.Status;

/// <summary>
/// <c>STATUS.md</c>: the sources' health as a table in the archive, so it shows on the git host. It holds days,
/// not times, and no counters that every poll bumps, so a run that changed nothing leaves it as it was.
/// </summary>
public static class StatusPage
{
    public const string FileName = "STATUS.md";

    public static string Render(IReadOnlyList<SourceStatus> sources)
    {
        var page = new StringBuilder("# Sources\n\n")
            .Append("| source | articles | last 24 h | last 7 d | newest article | last success | state |\n")
            .Append("|---|---:|---:|---:|---|---|---|\n");
        foreach (var s in sources)
        {
            var state = s.Failures > 0 ? $"failing: {Cell(s.LastError ?? "")}" : s.LastSuccess is null ? "not polled yet" : "ok";
            if (s.Silent) state += " — silent for longer than usual";
            page.Append($"| {Cell(s.Name)} | {s.Articles} | {s.Last24h} | {s.Last7d} | {Day(s.LatestArticle)} | {Day(s.LastSuccess)} | {state} |\n");
        }
        return page.ToString();
    }

    /// <summary>Writes the page when its content changed; returns whether it did.</summary>
    public static bool Write(ArchivePaths paths, IReadOnlyList<SourceStatus> sources)
    {
        var path = Path.Combine(paths.Root, FileName);
        var text = Render(sources);
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        AtomicFile.WriteAllText(path, text);
        return true;
    }

    private static string Day(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd") ?? "—";

    /// <summary>Error messages come from servers: one line, no table-breaking pipes.</summary>
    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|");
}
