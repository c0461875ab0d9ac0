using System.Globalization;
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
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, bool TotalIsLowerBound = false);

/// <summary>
/// Full-text search over titles and bodies: BM25 ranking with the title weighted above the body, newest first
/// among equal scores. A query matching more than <see cref="SearchRequest.RankWindow"/> articles (a single common character)
/// is ranked among its most recently archived matches only, and counted only up to there: scoring or even
/// counting every one of 10^6 matches would take longer than a search may (a common character's exact count
/// alone took 80 ms at 200,000 articles, growing with the archive).
/// </summary>
public static class ArchiveSearch
{
    /// <summary>Title matches count this many times a body match.</summary>
    private const double TitleWeight = 5.0;

    public const int DefaultRankWindow = 10_000;

    public static SearchResults Run(ArchiveCatalog catalog, SearchRequest request)
    {
        var query = SearchQuery.Parse(request.Query);
        if (query.Terms.Count == 0) return new SearchResults(0, []);
        var (where, parameters) = Filter(request, query);
        int window = Math.Max(1, request.RankWindow);
        List<(CatalogRow Row, double Score)> rows;
        List<long> newest;
        lock (catalog.Gate)
        {
            // The newest matches, one more than the window: their number is the count when it is within the window,
            // and the window's oldest bounds the ranking when it is not. The index walks its lists newest first and stops.
            var join = parameters.Count == 1 ? "" : "JOIN articles a ON a.rowid = article_text.rowid";
            newest = Rowids(catalog, $"SELECT article_text.rowid FROM article_text {join} {where} ORDER BY article_text.rowid DESC LIMIT {window + 1}", parameters);
            if (newest.Count > window)
            {
                where += " AND article_text.rowid >= $oldest";
                parameters.Add(("$oldest", newest[window - 1]));
            }
            rows = newest.Count == 0 ? [] : Ranked(catalog, where, parameters, request.Limit);
        }
        var hits = rows.Select(r => Hit(catalog, r.Row, query)).ToList();
        bool capped = newest.Count > window;
        return new SearchResults(capped ? window : newest.Count, hits, TotalIsLowerBound: capped);
    }

    private static List<long> Rowids(ArchiveCatalog catalog, string sql, List<(string Name, object? Value)> parameters)
    {
        using var command = CatalogSql.Command(catalog.Connection, null, sql, parameters.ToArray());
        using var reader = command.ExecuteReader();
        var rowids = new List<long>();
        while (reader.Read()) rowids.Add(reader.GetInt64(0));
        return rowids;
    }

    private static (string Where, List<(string, object?)> Parameters) Filter(SearchRequest request, SearchQuery query)
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
        return (where.ToString(), parameters);
    }

    private static List<(CatalogRow, double)> Ranked(ArchiveCatalog catalog, string where, List<(string Name, object? Value)> parameters, int limit)
    {
        // Scores are rounded so that articles equal but for floating-point noise fall back to newest first.
        using var command = CatalogSql.Command(catalog.Connection, null, string.Create(CultureInfo.InvariantCulture, $"""
            SELECT a.folder, a.file, a.id, a.source, a.guid, a.link, a.title, a.published, a.archived, a.hash, a.seen_title, a.seen_hash,
                   round(bm25(article_text, {TitleWeight}, 1.0, {TitleWeight}, 1.0), 6) AS score
            FROM article_text JOIN articles a ON a.rowid = article_text.rowid
            {where}
            ORDER BY score, a.published DESC, a.folder, a.id
            LIMIT {Math.Max(0, limit)}
            """), parameters.ToArray());
        using var reader = command.ExecuteReader();
        var rows = new List<(CatalogRow, double)>();
        while (reader.Read()) rows.Add((CatalogRows.Read(reader), reader.GetDouble(12)));
        return rows;
    }

    private static SearchHit Hit(ArchiveCatalog catalog, CatalogRow row, SearchQuery query)
    {
        var text = ArchivedText.Read(row.Folder, Path.Combine(CatalogPaths.Directory(catalog.Paths, row.Folder), row.File)).PlainText();
        var snippet = SearchSnippet.Make(text.Body, query);
        return new SearchHit(row.Source, row.Folder, row.RelativePath, row.Title, row.Published, snippet);
    }
}
