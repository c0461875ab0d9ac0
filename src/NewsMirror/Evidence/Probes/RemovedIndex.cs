using System.Globalization;
using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// <c>REMOVED.md</c> at the archive root, committed: the archived articles their outlets took down, redirected or
/// emptied, newest verdict first, each linking the archived file. Rewritten only when its text changes.
/// </summary>
public static class RemovedIndex
{
    public const string FileName = "REMOVED.md";

    /// <returns>Whether the file was written.</returns>
    public static bool Write(ArchivePaths paths, IReadOnlyList<RemovalRecord> records)
    {
        var path = Path.Combine(paths.Root, FileName);
        if (records.Count == 0 && !File.Exists(path)) return false;
        var text = Render(records);
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        AtomicFile.WriteAllText(path, text);
        return true;
    }

    public static string Render(IReadOnlyList<RemovalRecord> records)
    {
        var text = new StringBuilder();
        text.Append("# Removed at the source\n\n");
        text.Append("Articles of this archive that their outlet later removed (404/410), redirected elsewhere or replaced with other text, ");
        text.Append("each confirmed by two probes in a row. The archived copy is linked. Newest verdict first; `newsmirror removed --json` gives the evidence.\n\n");
        if (records.Count == 0) text.Append("None at present.\n");
        foreach (var r in records)
        {
            text.Append("- ").Append(Day(r.VerdictAt)).Append(' ').Append(r.Verdict).Append(Evidence(r)).Append(" · ")
                .Append(r.Source).Append(" · [").Append(MarkdownLinkText.Escape(r.Title)).Append("](").Append(Uri.EscapeDataString(r.RelativePath).Replace("%2F", "/"))
                .Append(')');
            if (r.Archived is { } archived) text.Append(" (archived ").Append(Day(archived)).Append(')');
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Evidence(RemovalRecord r) => r.Verdict switch
    {
        ProbeOutcomes.Removed => r.Status is { } status ? $" (HTTP {status})" : "",
        ProbeOutcomes.Redirected => $" to the {r.Redirect ?? "other"} page <{r.Target}>",
        _ => "",
    };

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
