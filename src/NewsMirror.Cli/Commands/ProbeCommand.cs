using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;
using NewsMirror.Evidence.Warc;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror probe [--all] [--source NAME] [--limit N] [--json]</c>: fetch archived articles' pages again to notice edits and removals.</summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var sourcesFile = CommonOptions.SourcesFile();
        var all = new Option<bool>("--all") { Description = "Probe every archived article, due or not (an audit)." };
        var source = new Option<string?>("--source") { Description = "Only this source's articles (name or folder)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many probes." };
        var timeout = CommonOptions.Timeout();
        var wait = CommonOptions.Wait();
        var json = CommonOptions.Json();
        var command = new Command("probe", "Fetch archived articles' pages again (those due on their schedule) to notice edits, removals, redirects and replacements.")
        {
            archive, sourcesFile, all, source, limit, timeout, wait, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, sourcesFile, ArchiveRequirement.OutsideCheckout) is not { } context) return ExitCodes.Usage;
            if (parse.GetValue(limit) is < 0)
            {
                context.Log.Error("--limit must not be negative");
                return ExitCodes.Usage;
            }
            var sources = context.Sources.Where(s => s.Enabled).ToList();
            if (parse.GetValue(source) is { } name)
            {
                if (context.Find(name) is not { } one) return ExitCodes.Usage;
                sources = [one];
            }
            var (held, lockExit) = ArchiveLocking.Acquire(context.Paths, parse.GetValue(wait), context.Log, "newsmirror probe", cancel);
            using var _ = held;
            if (held is null) return lockExit;

            // Probe answers are evidence as much as feed answers are: captured the same way, by the archive's raw: setting.
            var raw = context.Config.Settings.Raw;
            if (raw == RawCapture.Local) ArchiveGitIgnore.Ensure(context.Paths, [ArchiveCatalog.IgnorePattern, WarcFolder.IgnorePattern]);
            var (warc, repaired) = raw == RawCapture.Off ? (null, null) : WarcRecorder.Open(context.Paths);
            using var capture = warc;
            if (repaired is not null) context.Log.Warning($"raw captures: {repaired}");
            using var fetcher = new HttpFetcher(new FetchLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) }) { Recorder = warc };
            using var catalog = ArchiveCatalog.Open(context.Paths, context.Sources);
            var request = new ProbeRequest { All = parse.GetValue(all), Limit = parse.GetValue(limit) };
            var report = await new ProbeRun(context.Paths, catalog, fetcher, new HostLimiter(2), TimeProvider.System) { Captures = warc }.RunAsync(sources, request, cancel);
            if (parse.GetValue(json)) ProbeJson.WriteProbes(report, Console.Out);
            else WriteText(report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(ProbeReport report)
    {
        foreach (var (folder, line) in report.NewVerdicts)
        {
            var evidence = line.Target is not null ? $" → {line.Target}" : line.Status is { } status ? $" (HTTP {status})" : "";
            Console.WriteLine($"{line.Outcome}: {folder}/{line.File}  {line.Link}{evidence}");
        }
        var counts = new[] { ProbeOutcomes.Live, ProbeOutcomes.Edited, ProbeOutcomes.Removed, ProbeOutcomes.Redirected, ProbeOutcomes.Replaced, ProbeOutcomes.Unreachable }
            .Select(o => (Outcome: o, Count: report.Count(o))).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Outcome}");
        var deferred = report.Deferred > 0 ? $"; {report.Deferred} due left for later" : "";
        Console.WriteLine($"probed {report.Probes.Count} articles ({string.Join(", ", counts.DefaultIfEmpty("nothing due"))}), {report.NewVerdicts.Count} new final verdicts{deferred} ({report.Elapsed.TotalSeconds:0.0} s)");
    }
}
