using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMirror.Running.Reparse;

namespace NewsMirror.Cli.Commands;

/// <summary>
/// <c>newsmirror reparse [--source NAME] [--since DATE] [--json] [--dry-run]</c>: replays the raw captures through
/// today's parser and selection and archives what an earlier version missed (new files only).
/// </summary>
internal static class ReparseCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var sourcesFile = CommonOptions.SourcesFile();
        var source = new Option<string?>("--source") { Description = "Replay only these sources (names or folders, comma-separated)." };
        var since = new Option<string?>("--since") { Description = "Only captures made from this date on (YYYY-MM-DD, UTC, or an ISO 8601 time)." };
        var json = CommonOptions.Json();
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be added; write nothing." };
        var wait = CommonOptions.Wait();
        var command = new Command("reparse", "Replay the stored feed captures (WARC) through today's parser and selection, and archive the items an earlier version missed.")
            { archive, sourcesFile, source, since, json, dryRun, wait };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, sourcesFile, ArchiveRequirement.OutsideCheckout) is not { } context) return ExitCodes.Usage;
            if (context.Narrow(parse.GetValue(source)) is not { } sources) return ExitCodes.Usage;
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    context.Log.Error($"--since: '{text}' is not a date (YYYY-MM-DD or an ISO 8601 time)");
                    return ExitCodes.Usage;
                }
                from = parsed;
            }
            var (held, lockExit) = ArchiveLocking.Acquire(context.Paths, parse.GetValue(wait), context.Log, "newsmirror reparse", cancel);
            using var _ = held;
            if (held is null) return lockExit;

            var report = await new ArchiveReparse(context.Paths)
            {
                Layout = context.Config.Settings.Layout,
                DryRun = parse.GetValue(dryRun),
                IndexSources = context.Config.Sources.Where(s => s.Enabled).ToList(),
            }.RunAsync(sources, from, cancel);

            foreach (var problem in report.Problems) context.Log.Warning($"raw captures: {problem}");
            if (parse.GetValue(json)) WriteJson(report, Console.OpenStandardOutput());
            else WriteText(report, Console.Out);
            return report.Sources.All(s => s.Ok) ? ExitCodes.Ok : ExitCodes.SomeFailed;
        });
        return command;
    }

    private static void WriteText(ReparseReport report, TextWriter output)
    {
        foreach (var s in report.Sources)
        {
            if (!s.Ok)
            {
                output.WriteLine($"{s.Name}: FAILED {s.Error}");
                continue;
            }
            var verb = report.DryRun ? "would add" : "added";
            output.WriteLine($"{s.Name}: {s.Captures} feed captures replayed, {verb} {s.Items.Count(i => report.DryRun || i.File is not null)}");
            foreach (var item in s.Items)
                output.WriteLine(report.DryRun || item.File is not null
                    ? $"  + {item.Title} ({item.File ?? item.Link}; captured {item.CapturedAt:u})"
                    : $"  put off: {item.Title} ({item.Link})");
            foreach (var warning in s.Warnings) output.WriteLine($"{s.Name}: warning: {warning}");
        }
        output.WriteLine(report.DryRun
            ? $"dry run: {report.Sources.Sum(s => s.Items.Count)} items would be added; nothing written"
            : $"total: {report.Added} added from {report.Sources.Count} sources");
    }

    /// <summary>One JSON object on standard output, written without reflection.</summary>
    private static void WriteJson(ReparseReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteBoolean("dryRun", report.DryRun);
        json.WriteNumber("added", report.Added);
        json.WriteStartArray("sources");
        foreach (var s in report.Sources)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteString("folder", s.Folder);
            json.WriteString("status", s.Ok ? "ok" : "error");
            json.WriteNumber("captures", s.Captures);
            json.WriteStartArray("items");
            foreach (var item in s.Items)
            {
                json.WriteStartObject();
                json.WriteString("title", item.Title);
                json.WriteString("link", item.Link);
                json.WriteString("file", item.File);
                json.WriteString("capture", item.Capture);
                json.WriteString("capturedAt", item.CapturedAt.ToString("O", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in s.Warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteString("error", s.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in report.Problems) json.WriteStringValue(problem);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }
}
