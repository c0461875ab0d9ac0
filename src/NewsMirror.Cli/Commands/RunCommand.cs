using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Running.Metrics;
using NewsMirror.Sources;
using Spectre.Console;

namespace NewsMirror.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var sourcesFile = CommonOptions.SourcesFile();
        var only = new Option<string?>("--only") { Description = "Archive only these sources (names or folders, comma-separated)." };
        var timeout = CommonOptions.Timeout();
        var json = CommonOptions.Json();
        var commit = CommonOptions.Commit();
        var push = CommonOptions.Push();
        var author = CommonOptions.Author();
        var wait = CommonOptions.Wait();
        var statusFile = CommonOptions.StatusFile();
        var site = CommonOptions.Site();
        var metricsFile = CommonOptions.MetricsFile();
        var failOn = FailOnOption.Create();
        var probeBudget = CommonOptions.ProbeBudget();
        var command = new Command("run", "Archive every new article of the configured sources.") { archive, sourcesFile, only, timeout, json, commit, push, author, wait, statusFile, site, metricsFile, failOn, probeBudget };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, sourcesFile, ArchiveRequirement.OutsideCheckout) is not { } context) return ExitCodes.Usage;
            if (context.Narrow(parse.GetValue(only)) is not { } sources) return ExitCodes.Usage;
            var (paths, config, log) = (context.Paths, context.Config, context.Log);

            RunGit? git = null;
            if (parse.GetValue(commit) || parse.GetValue(push))
            {
                (git, var gitError) = await RunGit.OpenForCommandAsync(paths, parse.GetValue(author) ?? config.Settings.GitAuthor, log, cancel, config.Settings.SigningKey);
                if (git is null) return gitError;
            }

            var (held, lockExit) = ArchiveLocking.Acquire(paths, parse.GetValue(wait), log, "newsmirror run", cancel);
            using var _ = held;
            if (held is null) return lockExit;

            var limits = new FetchLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            var writeStatus = parse.GetValue(statusFile) || config.Settings.StatusFile;
            if (parse.GetValue(probeBudget) is < 0 or double.NaN)
            {
                log.Error("--probe-budget must be 0 or more seconds");
                return ExitCodes.Usage;
            }
            var budget = TimeSpan.FromSeconds(parse.GetValue(probeBudget));
            RunReport report;
            if (Terminal.IsInteractive && !parse.GetValue(json) && log.Verbosity == Verbosity.Normal)
            {
                report = await AnsiConsole.Status().StartAsync($"archiving {sources.Count} sources…", status =>
                {
                    var done = 0;
                    return Run(paths, limits, config, writeStatus, budget, s => status.Status($"archiving: {Interlocked.Increment(ref done)} of {sources.Count} sources done, last {s.Name}"))
                        .RunAsync(sources, cancel);
                });
            }
            else
            {
                report = await Run(paths, limits, config, writeStatus, budget, s => log.Debug(s.Ok ? $"{s.New} new, {s.Known} known" : $"failed: {s.Error}", s.Name))
                    .RunAsync(sources, cancel);
            }
            // A text summary shows warnings and failures itself; the log carries them when there is none, or for machines.
            var summary = !parse.GetValue(json) && log.Verbosity != Verbosity.Quiet;
            if (!summary || log.Format == LogFormat.Json) RunReportOutput.Log(report, log);
            RunReportOutput.LogPageErrors(report, log);
            if (report.RawCaptureRepair is { } repair) log.Warning($"raw captures: {repair}");

            if (parse.GetValue(site)) SiteRebuild.Run(paths, log);
            if (parse.GetValue(metricsFile) is { } metrics && RunMetrics.WriteOrExplain(metrics, paths, config, report, DateTimeOffset.UtcNow) is { } metricsError)
                log.Error(metricsError);

            RunReportOutput.GitOutcome? outcome = null;
            int? gitExit = null;
            if (git is not null) (outcome, gitExit) = await git.PublishAsync(report, paths, config, parse.GetValue(push), cancel);

            if (parse.GetValue(json)) RunReportOutput.WriteJson(report, Console.Out, outcome);
            else if (summary && Terminal.IsInteractive) RunReportOutput.WriteTable(report, AnsiConsole.Console);
            else if (summary) RunReportOutput.WriteText(report, Console.Out);
            if (summary && !parse.GetValue(json)) RunReportOutput.WriteRemotes(outcome, Console.Out);
            return gitExit ?? (FailOnOption.Fails(parse.GetValue(failOn)!, report) ? ExitCodes.SomeFailed : ExitCodes.Ok);
        });
        return command;
    }

    private static ArchiveRun Run(ArchivePaths paths, FetchLimits limits, ArchiveConfig config, bool writeStatus, TimeSpan probeBudget, Action<SourceReport> finished) =>
        new(paths, limits, TimeProvider.System)
        {
            Layout = config.Settings.Layout,
            Raw = config.Settings.Raw,
            WriteStatusFile = writeStatus,
            ProbeBudget = probeBudget,
            IndexSources = config.Sources.Where(s => s.Enabled).ToList(),
            Progress = new ImmediateProgress<SourceReport>(finished),
        };
}
