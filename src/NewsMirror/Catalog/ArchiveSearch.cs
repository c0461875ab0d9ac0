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
}

/// <summary>One article found. <paramref name="File"/> is relative to the archive root.</summary>
public sealed record SearchHit(string Source, string Folder, string File, string Title, long? Published, string Snippet);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Full-text search over titles and bodies: BM25 ranking with the title weighted above the body, newest first
/// among equal scores. A query matching more than <see cref="RankWindow"/> articles (a single common character)
/// is ranked among its most recently archived matches only: scoring every one of 10^5 matches would take
/// seconds, and the count stays exact.
/// </summary>
public static class ArchiveSearch
{
    /// <summary>Title matches count this many times a body match.</summary>
    private const double TitleWeight = 5.0;

    public const int RankWindow = 10_000;

    public static SearchResults Run(ArchiveCatalog catalog, SearchRequest request)
    {
        var query = SearchQuery.Parse(request.Query);
        if (query.Terms.Count == 0) return new SearchResults(0, []);
        var (where, parameters) = Filter(request, query);
        List<(CatalogRow Row, double Score)> rows;
        int total;
        lock (catalog.Gate)
        {
            // Without filters the count needs no join: the index alone answers it.
            var counted = parameters.Count == 1
                ? "SELECT count(*) FROM article_text WHERE article_text MATCH $match"
                : $"SELECT count(*) FROM article_text JOIN articles a ON a.rowid = article_text.rowid {where}";
            total = Convert.ToInt32(CatalogSql.Scalar(catalog.Connection, counted, parameters.ToArray()));
            if (total > RankWindow &&
                CatalogSql.Scalar(catalog.Connection, $"""
                    SELECT article_text.rowid FROM article_text JOIN articles a ON a.rowid = article_text.rowid {where}
                    ORDER BY article_text.rowid DESC LIMIT 1 OFFSET {RankWindow - 1}
                    """, parameters.ToArray()) is long oldest)
            {
                where += " AND article_text.rowid >= $oldest";
                parameters.Add(("$oldest", oldest));
            }
            rows = Ranked(catalog, where, parameters, request.Limit);
        }
        var hits = rows.Select(r => Hit(catalog, r.Row, query)).ToList();
        return new SearchResults(total, hits);
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
