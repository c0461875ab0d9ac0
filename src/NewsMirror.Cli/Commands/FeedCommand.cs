using System.CommandLine;
using NewsMirror.Cli.FeedInspection;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Selection;
using NewsMirror.Sources;

namespace NewsMirror.Cli.Commands;

internal static class FeedCommand
{
    private const int Parsed = 0;
    private const int NotAFeed = 1;
    private const int UsageError = 2;
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
            var error = parseResult.InvocationConfiguration.Error;
            var location = parseResult.GetValue(source);
            if (location is null || parseResult.UnmatchedTokens.Count > 0)
            {
                await error.WriteLineAsync(location is null
                    ? $"Missing feed: usage is {Usage}"
                    : $"Unexpected arguments: {string.Join(' ', parseResult.UnmatchedTokens)}. Usage is {Usage}");
                return UsageError;
            }
            SourceConfig settings;
            try
            {
                settings = InspectionSource.For(parseResult.GetValue(sourceName), location, parseResult.GetValue(sourcesFile), parseResult.GetValue(archive)!);
            }
            catch (Exception e) when (e is SourcesFileException or ArgumentException)
            {
                await error.WriteLineAsync(e.Message);
                return UsageError;
            }
            FeedSource feed;
            try
            {
                feed = await FeedSource.LoadAsync(location, cancellationToken);
            }
            catch (FileNotFoundException e)
            {
                await error.WriteLineAsync(e.Message);
                return UsageError;
            }
            catch (Exception e) when (e is FetchException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Could not read the feed: {e.Message}");
                return NotAFeed;
            }
            FeedDocument document;
            try
            {
                document = FeedParser.Parse(feed.Body, new FeedParseOptions { ContentType = feed.ContentType, BaseUrl = feed.Address, TimeZone = settings.TimeZone });
            }
            catch (FeedParseException e)
            {
                await error.WriteLineAsync(e.Message);
                return NotAFeed;
            }
            List<ItemVerdict> verdicts;
            try
            {
                verdicts = CandidateSelection.Judge(document, settings, DateTimeOffset.UtcNow);
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"{settings.Name}: {e.Message}");
                return UsageError;
            }
            Func<ItemVerdict, string?, string?> body = parseResult.GetValue(cleaned)
                ? (verdict, html) => InspectionSource.Cleaned(verdict, html, settings)
                : (_, html) => html;
            await output.WriteAsync(parseResult.GetValue(json) ? FeedJsonReport.Render(document, verdicts, body) + "\n" : FeedTextReport.Render(document, verdicts, body));
            return Parsed;
        });
        return command;
    }
}
