using System.CommandLine;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Running.Watch;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror watch</c>: polls each source on its own schedule until stopped (Ctrl+C, SIGTERM: exit 0).</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var sourcesFile = CommonOptions.SourcesFile();
        var interval = DurationOption.Create("--interval", "How often each source is polled (e.g. 90s, 15m, 1h).", TimeSpan.FromHours(1));
        var jitter = DurationOption.Create("--jitter", "Each poll moves by up to this much either way, so sources spread out.", TimeSpan.FromMinutes(5));
        var timeout = CommonOptions.Timeout();
        var commit = CommonOptions.Commit();
        var push = CommonOptions.Push();
        var author = CommonOptions.Author();
        var statusFile = CommonOptions.StatusFile();
        var site = CommonOptions.Site();
        var metricsFile = CommonOptions.MetricsFile();
        var probeBudget = CommonOptions.ProbeBudget();
        var command = new Command("watch", "Keep archiving: poll each source every --interval, backing off while it fails, until stopped.")
        {
            archive, sourcesFile, interval, jitter, timeout, commit, push, author, statusFile, site, metricsFile, probeBudget,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, sourcesFile, ArchiveRequirement.OutsideCheckout) is not { } context) return ExitCodes.Usage;
            var (paths, config, log) = (context.Paths, context.Config, context.Log);
            var settings = new PollSettings(parse.GetValue(interval), parse.GetValue(jitter));
            if (settings.Interval <= TimeSpan.Zero || settings.Jitter >= settings.Interval)
            {
                log.Error("--interval must be positive and longer than --jitter");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(probeBudget) is < 0 or double.NaN)
            {
                log.Error("--probe-budget must be 0 or more seconds");
                return ExitCodes.Usage;
            }

            RunGit? git = null;
            if (parse.GetValue(commit) || parse.GetValue(push))
            {
                (git, var gitError) = await RunGit.OpenForCommandAsync(paths, parse.GetValue(author) ?? config.Settings.GitAuthor, log, cancel, config.Settings.SigningKey);
                if (git is null) return gitError;
            }

            var sources = config.Sources.Where(s => s.Enabled).ToList();
            if (sources.Count == 0)
            {
                log.Error("no enabled source to watch");
                return ExitCodes.Usage;
            }
            var round = new WatchRound(paths, config, sources, log)
            {
                Limits = new FetchLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) },
                WriteStatusFile = parse.GetValue(statusFile) || config.Settings.StatusFile,
                Git = git,
                Push = parse.GetValue(push),
                RebuildSite = parse.GetValue(site),
                MetricsFile = parse.GetValue(metricsFile),
                ProbeBudget = TimeSpan.FromSeconds(parse.GetValue(probeBudget)),
            };
            var loop = new WatchLoop(paths, config.Settings.Layout, sources, settings, TimeProvider.System)
            {
                Locked = e => log.Warning($"{e.Message}; trying again in a minute"),
                Scheduled = round.LogSource,
            };
            log.Info($"watching {sources.Count} sources every {settings.Interval} ± {settings.Jitter}");
            try
            {
                await loop.RunAsync(round.RunAsync, cancel);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Stopping is how a watch ends: the write in progress finished (files are written atomically) and the lock is released.
                log.Info("stopped");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.Error($"cannot write to the archive: {e.Message}");
                return ExitCodes.SomeFailed;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
