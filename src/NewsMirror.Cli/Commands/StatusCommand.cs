using System.CommandLine;
using NewsMirror.Archive.Layouts;
using NewsMirror.Catalog;
using NewsMirror.Publishing.Git;
using NewsMirror.Running.Status;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror status</c>: each source's health — its polls, its articles, whether it went silent.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var archive = CommonOptions.Archive();
        var json = CommonOptions.Json();
        var check = new Option<bool>("--check")
        {
            Description = "Health check: print one line per problem source; exit 0 when all are healthy, 1 when one is failing, 3 when one went silent.",
        };
        var interval = DurationOption.Create("--interval", "With --check: the expected poll interval; a source with no success for 3 × this is silent.", HealthCheck.DefaultInterval);
        var sharedCatalog = SharedCatalog.Option();
        var command = new Command("status", "Show each source's last success and error, its articles, its next poll, and whether it went silent.") { archive, json, check, interval, sharedCatalog };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            var (url, valid) = SharedCatalog.Resolve(parse, sharedCatalog, context);
            if (!valid) return ExitCodes.Usage;
            if (url is not null && !parse.GetValue(check))
            {
                var (shared, exit) = await SharedCatalog.OpenAsync(url, context.Log, migrate: false, cancel);
                if (shared is null) return exit;
                await using (shared)
                {
                    try { return await FleetStatusOutput.WriteAsync(shared, parse.GetValue(json), Console.Out, cancel); }
                    catch (NewsMirror.Catalog.Postgres.CatalogUnreachableException e)
                    {
                        context.Log.Error(e.Message);
                        return ExitCodes.CatalogUnreachable;
                    }
                }
            }
            if (parse.GetValue(check)) return Check(HealthCheck.Run(context.Paths, context.Config, parse.GetValue(interval), DateTimeOffset.UtcNow), Console.Out);
            var sources = context.Sources.Where(s => s.Enabled).ToList();
            List<SourceStatus> statuses;
            using (var catalog = ArchiveCatalog.Open(context.Paths, sources, ArchiveLayouts.Of(context.Config.Settings.Layout)))
            {
                catalog.CatchUpAll();
                statuses = SourceStatus.Collect(catalog, sources, DateTimeOffset.UtcNow);
            }
            var remotes = await RemotePushState.ReadAsync(context.Paths.Root, cancel);
            if (parse.GetValue(json)) WriteJson(statuses, remotes, Console.Out);
            else
            {
                WriteText(statuses, Console.Out);
                WriteRemotes(remotes, Console.Out);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Check(HealthCheck health, TextWriter output)
    {
        foreach (var problem in health.Problems) output.WriteLine(problem.Problem);
        return health.Outcome switch
        {
            SourceHealthState.Failing => ExitCodes.SourceFailing,
            SourceHealthState.Silent => ExitCodes.SourceSilent,
            _ => ExitCodes.Ok,
        };
    }

    private static void WriteJson(List<SourceStatus> statuses, IReadOnlyList<RemotePushState.Remote> remotes, TextWriter output) =>
        output.WriteLine(CliJson.Serialize(new StatusJson(
            statuses.Select(s => new StatusSourceJson(
                s.Name, s.Folder, s.LastSuccess, s.LastError, s.LastErrorAt, s.Failures, s.Articles, s.Last24h, s.Last7d, s.NextPoll, s.Silent)),
            // Each remote's last push (run --push, watch --push), and whether HEAD holds commits it has not got yet.
            remotes.Count == 0 ? null : remotes.Select(r => new StatusRemoteJson(
                r.Last.Remote, r.Last.Branch, r.Last.Time, r.Last.Pushed, r.Last.Holds, r.Last.Error, r.Last.LastPushed, r.Behind))),
            StatusJsonContext.Default.StatusJson));

    private static void WriteRemotes(IReadOnlyList<RemotePushState.Remote> remotes, TextWriter output)
    {
        foreach (var (last, behind) in remotes)
        {
            var state = last.Pushed ? $"pushed {Time(last.Time)}" : $"PUSH FAILED {Time(last.Time)} (last pushed: {Time(last.LastPushed)}): {last.Error?.Split('\n')[0]}";
            output.WriteLine($"remote {last.Remote}/{last.Branch}: {state}{(behind ? "; has not got the latest commit yet" : "")}");
        }
    }

    private static void WriteText(List<SourceStatus> statuses, TextWriter output)
    {
        foreach (var s in statuses)
        {
            output.WriteLine($"{s.Name} ({s.Folder}): {s.Articles} articles, {s.Last24h} in 24 h, {s.Last7d} in 7 d{(s.Silent ? " — SILENT for longer than usual" : "")}");
            output.WriteLine($"  last success: {Time(s.LastSuccess)}; newest article: {Time(s.LatestArticle)}; next poll: {(s.NextPoll is null ? "not scheduled" : Time(s.NextPoll))}");
            if (s.Failures > 0) output.WriteLine($"  FAILING ({s.Failures} in a row), last at {Time(s.LastErrorAt)}: {s.LastError}");
        }
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'") ?? "never";
}
