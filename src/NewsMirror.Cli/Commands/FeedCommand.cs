using System.CommandLine;
using NewsMirror.Cli.FeedInspection;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Selection;

namespace NewsMirror.Cli.Commands;

internal static class FeedCommand
{
    private const string Usage = "newsmirror feed inspect URL|FILE [--json] [--cleaned] [--source NAME]";

    public static Command Create()
    {
        var command = new Command("feed", "Work with a single feed.");
        command.Subcommands.Add(CreateInspect());
        return command;
    }

    private static Command CreateInspect()
    {
        var source = new Argument<string?>("source") { Description = "Feed URL (http, https, file) or file path.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a readable summary." };
        var cleaned = new Option<bool>("--cleaned") { Description = "Show each summary and content as the archive would store them (cleanup and sanitiser)." };
        var sourceName = new Option<string?>("--source") { Description = "Judge and clean items with this configured source's settings (name or folder) instead of the defaults." };
        var archive = CommonOptions.Archive();
        var sourcesFile = CommonOptions.SourcesFile();
        // Usage faults are checked here rather than by the parser so they exit with 2 (the parser's own errors exit with 1).
        var command = new Command("inspect", "Parse a feed and show what the archiver would see in it, and why it would skip an item.")
        {
            source, json, cleaned, sourceName, archive, sourcesFile,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var log = GlobalOptions.Log(parseResult);
            var location = parseResult.GetValue(source);
            if (location is null || parseResult.UnmatchedTokens.Count > 0)
            {
                log.Error(location is null
                    ? $"Missing feed: usage is {Usage}"
                    : $"Unexpected arguments: {string.Join(' ', parseResult.UnmatchedTokens)}. Usage is {Usage}");
                return ExitCodes.Usage;
            }
            var settings = InspectionSource.Unconfigured(location);
            if (parseResult.GetValue(sourceName) is { } name)
            {
                if (CommandContext.Load(log, parseResult.GetValue(archive)!, parseResult.GetValue(sourcesFile), ArchiveRequirement.Any) is not { } context) return ExitCodes.Usage;
                if (context.Find(name) is not { } configured) return ExitCodes.Usage;
                settings = configured;
            }
            FeedSource feed;
            try
            {
                feed = await FeedSource.LoadAsync(location, cancellationToken);
            }
            catch (FileNotFoundException e)
            {
                log.Error(e.Message);
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is FetchException or IOException or UnauthorizedAccessException)
            {
                log.Error($"Could not read the feed: {e.Message}");
                return ExitCodes.NothingFound;
            }
            FeedDocument document;
            try
            {
                document = FeedParser.Parse(feed.Body, new FeedParseOptions { ContentType = feed.ContentType, BaseUrl = feed.Address, TimeZone = settings.TimeZone });
            }
            catch (FeedParseException e)
            {
                log.Error(e.Message);
                return ExitCodes.NothingFound;
            }
            List<ItemVerdict> verdicts;
            try
            {
                verdicts = CandidateSelection.Judge(document, settings, DateTimeOffset.UtcNow);
            }
            catch (ArgumentException e)
            {
                log.Error($"{settings.Name}: {e.Message}");
                return ExitCodes.Usage;
            }
            Func<ItemVerdict, string?, string?> body = parseResult.GetValue(cleaned)
                ? (verdict, html) => InspectionSource.Cleaned(verdict, html, settings)
                : (_, html) => html;
            await output.WriteAsync(parseResult.GetValue(json) ? FeedJsonReport.Render(document, verdicts, body) + "\n" : FeedTextReport.Render(document, verdicts, body));
            return ExitCodes.Ok;
        });
        return command;
    }
}
