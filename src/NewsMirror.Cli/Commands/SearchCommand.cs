using System.CommandLine;
using System.Globalization;
using NewsMirror.Catalog;

namespace NewsMirror.Cli.Commands;

/// <summary><c>newsmirror search QUERY [--source NAME] [--since DATE] [--until DATE] [--limit N] [--index-time DURATION | --index-all] [--json]</c>.</summary>
internal static class SearchCommand
{
    /// <summary>How long a search indexes articles not yet indexed before it answers, unless told otherwise: a fresh clone's first search stays short.</summary>
    private static readonly TimeSpan DefaultIndexTime = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find; Chinese in simplified or traditional characters." };
        var archive = CommonOptions.Archive();
        var source = new Option<string?>("--source") { Description = "Only this source (display name or folder)." };
        var since = new Option<string?>("--since") { Description = "Only articles published on or after this date (YYYY-MM-DD or ISO 8601, UTC)." };
        var until = new Option<string?>("--until") { Description = "Only articles published up to this date (a whole day when only a date is given)." };
        var limit = new Option<int>("--limit") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };
        var indexTime = DurationOption.Create("--index-time",
            "Index articles not yet indexed, newest first, for at most this long before answering; later searches continue.", DefaultIndexTime);
        var indexAll = new Option<bool>("--index-all") { Description = "Index every article not yet indexed before answering (with progress)." };
        var json = CommonOptions.Json();
        var command = new Command("search", "Full-text search of the archived articles' titles and bodies.")
        {
            query, archive, source, since, until, limit, indexTime, indexAll, json,
        };
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
            IndexPending(catalog, parse.GetValue(indexAll) ? null : parse.GetValue(indexTime));
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

    /// <summary>Everything pending with a progress bar, or newest first within <paramref name="budget"/>, saying so on standard error.</summary>
    private static void IndexPending(ArchiveCatalog catalog, TimeSpan? budget)
    {
        int pending = CatalogSearchIndex.PendingCount(catalog);
        if (budget is not { } limit)
        {
            ProgressDisplay.Run("indexing", pending, progress => CatalogSearchIndex.IndexPending(catalog, progress));
            return;
        }
        if (pending == 0) return;
        Console.Error.WriteLine($"indexing {pending:N0} articles for search, newest first, for at most {limit.TotalSeconds:0.#} s (--index-all: all of them now)");
        CatalogSearchIndex.IndexPending(catalog, budget: limit);
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
        if (results.Partial is { } partial)
            Console.WriteLine($"searched {partial.Indexed:N0} of {partial.Articles:N0} articles (the text index is built newest first); " +
                $"{partial.NotIndexed:N0} are not indexed yet: each search indexes more, `newsmirror search --index-all` indexes them all");
    }

    private static void WriteJson(SearchResults results)
    {
        var json = new SearchJson(results.Total, results.TotalIsLowerBound, results.RankedByRelevance,
            results.Hits.Select(h => new SearchHitJson(h.Source, h.Folder, h.File, h.Title, Iso(h.Published), h.Snippet)),
            results.Partial is { } partial ? new SearchIndexJson(false, partial.Indexed, partial.Articles, partial.NotIndexed) : new SearchIndexJson(true));
        Console.WriteLine(CliJson.Serialize(json, SearchJsonContext.Default.SearchJson));
    }
}
