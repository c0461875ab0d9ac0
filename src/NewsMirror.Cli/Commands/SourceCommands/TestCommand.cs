using System.CommandLine;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Cli.Commands.SourceCommands;

internal static class TestCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The source's name or folder." };
        var archive = CommonOptions.Archive();
        var json = CommonOptions.Json();
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed for the fetch.", DefaultValueFactory = _ => 30 };
        var command = new Command("test", "Fetch and parse a source's feed and say what a run would archive, without writing anything.")
        {
            name, archive, json, timeout,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (CommandContext.Load(parse, archive) is not { } context) return ExitCodes.Usage;
            if (context.Find(parse.GetValue(name)!) is not { } source) return ExitCodes.Usage;
            var (paths, config, log) = (context.Paths, context.Config, context.Log);

            var warnings = new SourceWarnings();
            SourceSnapshot snapshot;
            using (var fetcher = new HttpFetcher(new FetchLimits { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) }))
            {
                try
                {
                    snapshot = await SourceSnapshot.TakeAsync(new ArticleStore(paths, ArchiveLayouts.Of(config.Settings.Layout)).Load, paths.Root, fetcher, source, DateTimeOffset.UtcNow, warnings, cancel);
                }
                catch (Exception e) when (e is FetchException or FeedParseException)
                {
                    log.Error($"failed: {e.Message}", source.Name);
                    if (parse.GetValue(json)) WriteJson(source, null, warnings, e.Message);
                    return ExitCodes.SomeFailed;
                }
            }
            foreach (var warning in warnings) log.Warning(warning, source.Name);
            if (parse.GetValue(json)) WriteJson(source, snapshot, warnings, null);
            else
            {
                FeedPreview.Write(Console.Out, source.Url, snapshot.Feed);
                Console.Out.WriteLine($"kept by the source's filters: {snapshot.Candidates.Count}, not yet archived: {snapshot.Fresh.Count}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(SourceConfig source, SourceSnapshot? snapshot, SourceWarnings warnings, string? error) =>
        Console.Out.WriteLine(CliJson.Serialize(new SourceTestJson(
            source.Name,
            source.Url,
            error is null ? "ok" : "error",
            error,
            snapshot?.Feed.Format,
            snapshot?.Feed.Title?.Trim(),
            snapshot?.Feed.Items.Count,
            snapshot?.Candidates.Count,
            snapshot?.Fresh.Count,
            snapshot is null ? null : FeedPreview.Newest(snapshot.Feed).Select(i => new SourceTestItemJson(i.Title?.Trim(), i.Link, i.Published)),
            warnings.ToList()), SourceTestJsonContext.Default.SourceTestJson));
}
