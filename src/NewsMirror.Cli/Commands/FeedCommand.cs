using System.CommandLine;
using NewsMirror.Cli.FeedInspection;
using NewsMirror.Feeds;
using NewsMirror.Fetching;

namespace NewsMirror.Cli.Commands;

internal static class FeedCommand
{
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
        // Usage faults are checked here rather than by the parser so they exit with 2 (the parser's own errors exit with 1).
        var command = new Command("inspect", "Parse a feed and show what the archiver would see in it.") { source, json };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var log = GlobalOptions.Log(parseResult);
            var location = parseResult.GetValue(source);
            if (location is null || parseResult.UnmatchedTokens.Count > 0)
            {
                log.Error(location is null
                    ? "Missing feed: usage is newsmirror feed inspect URL|FILE [--json]"
                    : $"Unexpected arguments: {string.Join(' ', parseResult.UnmatchedTokens)}. Usage is newsmirror feed inspect URL|FILE [--json]");
                return ExitCodes.Usage;
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
                document = FeedParser.Parse(feed.Body, new FeedParseOptions { ContentType = feed.ContentType, BaseUrl = feed.Address });
            }
            catch (FeedParseException e)
            {
                log.Error(e.Message);
                return ExitCodes.NothingFound;
            }
            await output.WriteAsync(parseResult.GetValue(json) ? FeedJsonReport.Render(document) + "\n" : FeedTextReport.Render(document));
            return ExitCodes.Ok;
        });
        return command;
    }
}
