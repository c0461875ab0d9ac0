using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NewsMirror.Archive;
using NewsMirror.Fetching;
using NewsMirror.Publishing.Git;
using NewsMirror.Running;
using NewsMirror.Running.Metrics;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

/// <summary>One round of <c>watch</c>: archive the due sources, rebuild the site and publish when they wrote something, and log one line per source.</summary>
internal sealed class WatchRound(ArchivePaths paths, ArchiveConfig config, IReadOnlyList<SourceConfig> indexSources, CliLog log)
{
    private readonly ConcurrentDictionary<string, SourceReport> _reports = new();

    public FetchLimits Limits { get; init; } = new();
    public bool WriteStatusFile { get; init; }
    public RunGit? Git { get; init; }
    public bool Push { get; init; }
    public bool RebuildSite { get; init; }
    public string? MetricsFile { get; init; }

    /// <summary>Each round's time for due probes: rounds follow the sources' polls, so the probes spread over the interval.</summary>
    public TimeSpan ProbeBudget { get; init; }

    public async Task RunAsync(IReadOnlyList<SourceConfig> due, CancellationToken cancel)
    {
        var run = new ArchiveRun(paths, Limits, TimeProvider.System)
        {
            Layout = config.Settings.Layout,
            Raw = config.Settings.Raw,
            IndexSources = indexSources,
            // Many outlets share one feed host (feedx.net): a watch that runs all day asks it one feed at a time.
            MaxFeedsPerHost = 1,
            WriteStatusFile = WriteStatusFile,
            ProbeBudget = ProbeBudget,
        };
        var report = await run.RunAsync(due, cancel);
        foreach (var source in report.Sources) _reports[source.Name] = source;
        RunReportOutput.LogPageErrors(report, log);
        if (report.RawCaptureRepair is { } repair) log.Warning($"raw captures: {repair}");
        if (MetricsFile is not null && RunMetrics.WriteOrExplain(MetricsFile, paths, config, report, DateTimeOffset.UtcNow) is { } metricsError)
            log.Error(metricsError);
        if (!WatchPublishPolicy.IsDue(paths, report.Files.Count, commits: Git is not null)) return;
        if (RebuildSite) RebuildSiteOrSayWhy();
        if (Git is not null) await Git.PublishAsync(report, paths, config, Push, cancel);
    }

    /// <summary>A site that cannot be written now is rebuilt after a later round; the watch goes on.</summary>
    private void RebuildSiteOrSayWhy()
    {
        try { SiteRebuild.Run(paths, log); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"site not rebuilt: {e.Message}");
        }
    }

    /// <summary>The source's line for the round just run, with when it is polled next.</summary>
    public void LogSource(SourceConfig source, DateTimeOffset next)
    {
        if (!_reports.TryRemove(source.Name, out var s)) return;
        var nextPoll = $"next poll {next.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
        var fields = new JsonObject
        {
            ["folder"] = s.Folder, ["status"] = s.Ok ? "ok" : "error", ["notModified"] = s.NotModified, ["new"] = s.New, ["known"] = s.Known,
            ["error"] = s.Error, ["nextPoll"] = next,
        };
        foreach (var warning in s.Warnings) log.Debug($"warning: {warning}", s.Name);
        if (!s.Ok) log.Error($"failed: {s.Error}; {nextPoll}", s.Name, fields);
        else if (s.NotModified) log.Info($"not modified; {nextPoll}", s.Name, fields);
        else
        {
            var warnings = s.Warnings.Count > 0 ? $", {s.Warnings.Count} warnings" : "";
            log.Info($"{s.New} new, {s.Known} known{warnings}; {nextPoll}", s.Name, fields);
        }
    }
}
