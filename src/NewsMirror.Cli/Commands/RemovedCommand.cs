using System.CommandLine;
using System.Globalization;
using NewsMirror.Evidence.Probes;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror removed [--since DATE] [--source NAME] [--json]</c>: archived articles their outlet removed, redirected or replaced.</summary>
internal static class RemovedCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var since = new Option<string?>("--since") { Description = "Only verdicts reached on or after this date (yyyy-MM-dd, or an ISO 8601 time; UTC unless it says)." };
        var source = new Option<string?>("--source") { Description = "Only this source's articles (name or folder)." };
        var json = CommonOptions.Json();
        var command = new Command("removed", "List archived articles that their outlet removed, redirected or replaced, with the evidence.") { archive, since, source, json };
        command.SetAction(parse =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    context.Log.Error($"--since: '{text}' is not a date (yyyy-MM-dd or an ISO 8601 time)");
                    return ExitCodes.Usage;
                }
                from = parsed;
            }
            string? folder = null;
            if (parse.GetValue(source) is { } name)
            {
                if (context.Find(name) is not { } one) return ExitCodes.Usage;
                folder = one.Folder;
            }
            using var catalog = context.OpenCatalogCaughtUp();
            var records = RemovalRecords.Of(catalog, from, folder);
            if (parse.GetValue(json)) ProbeJson.WriteRemovals(records, Console.Out);
            else WriteText(records);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(IReadOnlyList<RemovalRecord> records)
    {
        if (records.Count == 0) Console.WriteLine("no archived article is known to be removed at its source");
        foreach (var r in records)
        {
            Console.WriteLine($"{ProbeJson.Iso(r.VerdictAt)}  {r.Verdict}  {r.RelativePath}  {r.Title}");
            var evidence = r.Verdict switch
            {
                ProbeOutcomes.Removed => $"HTTP {r.Status}",
                ProbeOutcomes.Redirected => $"redirected to the {r.Redirect} page {r.Target}",
                _ => "the page no longer holds the article's text",
            };
            var archived = r.Archived is { } a ? $"archived {ProbeJson.Iso(a)}, " : "";
            Console.WriteLine($"  {r.Link}");
            Console.WriteLine($"  {archived}first seen {ProbeJson.Iso(r.FirstSeen)}; {evidence}");
        }
    }
}
