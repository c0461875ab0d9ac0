using System.CommandLine;
using System.Globalization;
using NewsMirror.Catalog;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror search QUERY [--source NAME] [--since DATE] [--until DATE] [--limit N] [--json]</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find; Chinese in simplified or traditional characters." };
        var archive = CommonOptions.Archive();
        var source = new Option<string?>("--source") { Description = "Only this source (display name or folder)." };
        var since = new Option<string?>("--since") { Description = "Only articles published on or after this date (YYYY-MM-DD or ISO 8601, UTC)." };
        var until = new Option<string?>("--until") { Description = "Only articles published up to this date (a whole day when only a date is given)." };
        var limit = new Option<int>("--limit") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };
        var json = CommonOptions.Json();
        var command = new Command("search", "Full-text search of the archived articles' titles and bodies.") { query, archive, source, since, until, limit, json };
        command.SetAction(parse =>
        {
            if (CommandContext.Load(parse, archive, requirement: ArchiveRequirement.Exists) is not { } context) return ExitCodes.Usage;
            DateTimeOffset? from = null, to = null;
            if (parse.GetValue(since) is { } sinceText && (from = ParseDate(sinceText, endOfDay: false)) is null ||
                parse.GetValue(until) is { } untilText && (to = ParseDate(untilText, endOfDay: true)) is null)
            {
                context.Log.Error("--since and --until take a date (YYYY-MM-DD) or an ISO 8601 time");
                return ExitCodes.Usage;
            }
            using var catalog = context.OpenCatalogCaughtUp();
            ProgressDisplay.Run("indexing", CatalogSearchIndex.PendingCount(catalog), progress => CatalogSearchIndex.IndexPending(catalog, progress));
            var request = new SearchRequest(parse.GetValue(query)!)
            {
                Source = parse.GetValue(source), Since = from, Until = to, Limit = parse.GetValue(limit),
            };
            var results = ArchiveSearch.Run(catalog, request);
            if (parse.GetValue(json)) WriteJson(results);
            else WriteText(results);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static DateTimeOffset? ParseDate(string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    private static string? Iso(long? ms) =>
        ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;

    private static void WriteText(SearchResults results)
    {
        foreach (var hit in results.Hits)
        {
            var date = hit.Published is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "----------";
            Console.WriteLine($"{date}  {hit.Source}  {hit.Title}");
            Console.WriteLine($"    {hit.File}");
            if (hit.Snippet.Length > 0) Console.WriteLine($"    {hit.Snippet}");
        }
        Console.WriteLine(results.TotalIsLowerBound
            ? $"{results.Hits.Count} of {results.Total}+ matching articles (counted among the {results.Total} most recently archived)"
            : $"{results.Hits.Count} of {results.Total} matching articles");
        if (!results.RankedByRelevance) Console.WriteLine("every term is in too many articles to rank by relevance: title matches first, then newest first");
    }

    private static void WriteJson(SearchResults results)
    {
        var json = new SearchJson(results.Total, results.TotalIsLowerBound, results.RankedByRelevance,
            results.Hits.Select(h => new SearchHitJson(h.Source, h.Folder, h.File, h.Title, Iso(h.Published), h.Snippet)));
        Console.WriteLine(CliJson.Serialize(json, SearchJsonContext.Default.SearchJson));
    }
}
