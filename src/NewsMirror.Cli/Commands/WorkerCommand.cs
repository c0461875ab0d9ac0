using System.Text.Json.Nodes;
using System.CommandLine;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Fetching;
using NewsMirror.Publishing.Git;
using NewsMirror.Running;
using NewsMirror.Running.Fleet;
using NewsMirror.Running.Watch;

namespace NewsMirror.Cli.Commands;

/// <summary>
/// <c>newsmirror worker [--archive DIR] [--once] [--max-sources N] [--lease DURATION]</c>: one member of a fleet
/// sharing a PostgreSQL catalog, archiving the due sources it claims into its own clone and pushing them.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var catalog = SharedCatalog.Option();
        var once = new Option<bool>("--once") { Description = "Claim until nothing is due, then exit (for cron and CI fleets)." };
        var maxSources = CountOption.Create("--max-sources", "Exit after archiving this many sources.");
        var lease = DurationOption.Create("--lease", "How long a claim holds a source; a worker that dies loses its sources after this.", TimeSpan.FromMinutes(5));
        var interval = DurationOption.Create("--interval", "How often each source is polled (e.g. 15m, 1h).", TimeSpan.FromHours(1));
        var jitter = DurationOption.Create("--jitter", "Each poll moves by up to this much either way, so sources spread out.", TimeSpan.FromMinutes(5));
        var batch = new Option<int>("--batch") { Description = "Sources claimed, committed and pushed together.", DefaultValueFactory = _ => 8 };
        var command = new Command("worker", "Archive due sources claimed from a shared PostgreSQL catalog, in this clone of the archive; any number may run.")
        {
            archive, catalog, once, maxSources, lease, interval, jitter, batch,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.OutsideCheckout) is not { } context) return ExitCodes.Usage;
            var log = context.Log;
            if (parse.GetValue(batch) < 1 || parse.GetValue(lease) < TimeSpan.FromSeconds(1))
            {
                log.Error("--batch must be at least 1, --lease at least 1s");
                return ExitCodes.Usage;
            }
            var (url, valid) = SharedCatalog.Resolve(parse, catalog, context);
            if (!valid) return ExitCodes.Usage;
            if (url is null)
            {
                log.Error($"a worker needs a shared catalog: give --catalog postgres://user@host:port/database (or {SharedCatalog.EnvironmentVariable}, or catalog: in newsmirror.yml)");
                return ExitCodes.Usage;
            }
            var (shared, exit) = await SharedCatalog.OpenAsync(url, log, migrate: false, cancel);
            if (shared is null) return exit;
            await using var _ = shared;
            var (git, gitExit) = await OpenGitAsync(context, cancel);
            if (git is null) return gitExit;
            var (held, lockExit) = ArchiveLocking.Acquire(context.Paths, 30, log, "newsmirror worker", cancel);
            if (held is null) return lockExit;
            using var __ = held;
            var settings = new WorkerSettings(parse.GetValue(lease), new PollSettings(parse.GetValue(interval), parse.GetValue(jitter)))
            {
                Once = parse.GetValue(once),
                MaxSources = parse.GetValue(maxSources),
                BatchSize = parse.GetValue(batch),
            };
            var worker = new FleetWorker(context.Paths, context.Config, shared, git, settings, new FetchLimits())
            {
                Note = note => log.Info(note),
                Progress = new ImmediateProgress<SourceReport>(s => LogSource(log, s)),
            };
            try
            {
                var report = await worker.RunAsync(cancel);
                log.Info($"worker {worker.Name} done: {report.Sources} sources, {report.Articles} new articles in {report.Batches} batches ({report.Abandoned} abandoned)",
                    fields: new JsonObject { ["sources"] = report.Sources, ["articles"] = report.Articles, ["batches"] = report.Batches, ["abandoned"] = report.Abandoned });
                return ExitCodes.Ok;
            }
            catch (CatalogUnreachableException e)
            {
                log.Error($"{e.Message}; the worker stopped claiming and left nothing half-recorded");
                return ExitCodes.CatalogUnreachable;
            }
            catch (GitException e)
            {
                log.Error($"git failed: {e.Message}");
                return ExitCodes.GitFailed;
            }
            catch (InvalidOperationException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static async Task<(GitRepository? Git, int ExitCode)> OpenGitAsync(CommandContext context, CancellationToken cancel)
    {
        try
        {
            if (await RunCommit.OpenRepositoryAsync(context.Paths, context.Config.Settings.GitAuthor, command => context.Log.Debug(command), cancel) is { } git)
                return (git, ExitCodes.Ok);
            context.Log.Error($"{context.Paths.Root} is not a clone of the archive repository: a worker archives into its own clone (git clone URL)");
        }
        catch (FormatException e)
        {
            context.Log.Error($"git.author: {e.Message}");
        }
        return (null, ExitCodes.Usage);
    }

    private static void LogSource(CliLog log, SourceReport s)
    {
        if (!s.Ok) log.Error($"failed: {s.Error}", s.Name, new JsonObject { ["folder"] = s.Folder, ["status"] = "error", ["error"] = s.Error });
        else log.Info(s.NotModified ? "not modified" : $"{s.New} new, {s.Known} known", s.Name, new JsonObject { ["folder"] = s.Folder, ["status"] = "ok", ["new"] = s.New, ["known"] = s.Known });
    }
}
