using System.Text;

namespace NewsMirror.Catalog;

/// <summary>What to search for and where.</summary>
public sealed record SearchRequest(string Query)
{
    /// <summary>A source's display name or folder.</summary>
    public string? Source { get; init; }

    /// <summary>Published at or after (inclusive).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Published before (exclusive).</summary>
    public DateTimeOffset? Until { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>At most this many matches are counted and ranked, the most recently archived (see <see cref="ArchiveSearch"/>).</summary>
    public int RankWindow { get; init; } = ArchiveSearch.DefaultRankWindow;
}

/// <summary>One article found. <paramref name="File"/> is relative to the archive root.</summary>
public sealed record SearchHit(string Source, string Folder, string File, string Title, long? Published, string Snippet);

/// <summary>
/// What a search found. <paramref name="Total"/> is exact unless <paramref name="TotalIsLowerBound"/>: a query
/// matching more than <see cref="SearchRequest.RankWindow"/> articles is counted only that far ("10,000+").
/// Hits are ranked by BM25 unless every term of the query is in more than that many articles
/// (<paramref name="RankedByRelevance"/> false): then title matches come first, then the rest, newest first.
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, bool TotalIsLowerBound = false, bool RankedByRelevance = true)
{
    /// <summary>null when the text index holds every article; otherwise how much of the archive the answer covers.</summary>
    public IndexCoverage? Partial { get; init; }
}

/// <summary>
/// Full-text search over titles and bodies: BM25 ranking with the title weighted above the body, newest first
/// among equal scores. Work is bounded by <see cref="SearchRequest.RankWindow"/>, not by the archive: a query
/// matching more articles is counted and ranked among its most recently archived matches only, and BM25 is
/// computed for the query's rarer terms only, because FTS5's bm25() reads every occurrence of every term in
/// the whole index to weigh it (170 ms for a common character at 10^6 articles, even to rank 20 rows).
/// </summary>
public static class ArchiveSearch
{
    public const int DefaultRankWindow = 10_000;

    public static SearchResults Run(ArchiveCatalog catalog, SearchRequest request)
    {
        var query = SearchQuery.Parse(request.Query);
        if (query.Terms.Count == 0) return new SearchResults(0, []) { Partial = IndexCoverage.Partial(catalog) };
        int window = Math.Max(1, request.RankWindow), limit = Math.Max(0, request.Limit);
        List<CatalogRow> rows;
        List<long> matches;
        bool capped, byRelevance;
        IndexCoverage? partial;
        lock (catalog.Gate)
        {
            partial = IndexCoverage.Partial(catalog);
            // The newest matches, one more than the window: their number is the count when it is within the window.
            // The index walks its lists newest first and stops there.
            matches = Newest(catalog, request, query, window + 1);
            capped = matches.Count > window;
            if (capped) matches.RemoveAt(window);
            // A term in more articles than the window holds filters but is not weighed (see SearchRanking).
            var weighed = capped || matches.Count == 0 ? [] : query.Terms.Where(term => Count(catalog, term, window + 1) <= window).ToList();
            byRelevance = weighed.Count > 0;
            var ranked = matches.Count == 0 ? [] :
                byRelevance ? SearchRanking.ByRelevance(catalog.Connection, weighed, matches, limit) :
                SearchRanking.TitleThenNewest(catalog.Connection, query, matches, limit);
            // SelectMany: text indexed for a row deleted meanwhile has no row to show.
            rows = ranked.SelectMany(rowid => CatalogRows.Query(catalog.Connection, "WHERE rowid = $rowid", ("$rowid", rowid))).ToList();
        }
        var hits = rows.Select(row => Hit(catalog, row, query)).ToList();
        return new SearchResults(matches.Count, hits, TotalIsLowerBound: capped, RankedByRelevance: byRelevance || matches.Count == 0) { Partial = partial };
    }

    /// <summary>The rowids of the newest matches of the query within the request's filters, newest first.</summary>
    private static List<long> Newest(ArchiveCatalog catalog, SearchRequest request, SearchQuery query, int count)
    {
        var where = new StringBuilder("WHERE article_text MATCH $match");
        var parameters = new List<(string, object?)> { ("$match", query.ToMatch()) };
        if (request.Source is { } source)
        {
            where.Append(" AND (a.source = $source OR a.folder = $source)");
            parameters.Add(("$source", source));
        }
        if (request.Since is { } since)
        {
            where.Append(" AND a.published >= $since");
            parameters.Add(("$since", since.ToUnixTimeMilliseconds()));
        }
        if (request.Until is { } until)
        {
            where.Append(" AND a.published < $until");
            parameters.Add(("$until", until.ToUnixTimeMilliseconds()));
        }
        // Without filters the index alone answers.
        var join = parameters.Count == 1 ? "" : "JOIN articles a ON a.rowid = article_text.rowid";
        using var command = CatalogSql.Command(catalog.Connection, null,
            $"SELECT article_text.rowid FROM article_text {join} {where} ORDER BY article_text.rowid DESC LIMIT {count}", parameters.ToArray());
        using var reader = command.ExecuteReader();
        var rowids = new List<long>();
        while (reader.Read()) rowids.Add(reader.GetInt64(0));
        return rowids;
    }

    /// <summary>How many articles hold the term, counted up to <paramref name="upTo"/>.</summary>
    private static int Count(ArchiveCatalog catalog, SearchTerm term, int upTo) =>
        Convert.ToInt32(CatalogSql.Scalar(catalog.Connection,
            $"SELECT count(*) FROM (SELECT 1 FROM article_text WHERE article_text MATCH $match LIMIT {upTo})", ("$match", term.ToPhrase())));

    private static SearchHit Hit(ArchiveCatalog catalog, CatalogRow row, SearchQuery query)
    {
        var text = ArchivedText.Read(row.Folder, Path.Combine(CatalogPaths.Directory(catalog.Paths, row.Folder), row.File)).PlainText();
        var snippet = SearchSnippet.Make(text.Body, query);
        return new SearchHit(row.Source, row.Folder, row.RelativePath, row.Title, row.Published, snippet);
    }
}
