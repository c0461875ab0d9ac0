using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// Orders a search's matches (at most the rank window's number, newest first) and picks the first few. FTS5's
/// bm25() weighs each term by reading every one of its occurrences in the whole index, whatever rows are
/// ranked; so only terms in fewer articles than the window are given to it (a term in nearly every article adds
/// next to nothing to BM25 anyway). When no term is that rare, matches in the title come first, then newest first.
/// </summary>
internal static class SearchRanking
{
    /// <summary>Title matches count this many times a body match.</summary>
    private const double TitleWeight = 5.0;

    /// <summary>BM25 over the weighed terms, among <paramref name="matches"/>; newest first among equal scores.</summary>
    public static List<long> ByRelevance(SqliteConnection connection, IReadOnlyList<SearchTerm> weighed, List<long> matches, int limit)
    {
        var candidates = matches.ToHashSet();
        // Scores are rounded so that articles equal but for floating-point noise fall back to newest first.
        using var command = CatalogSql.Command(connection, null, string.Create(CultureInfo.InvariantCulture, $"""
            SELECT article_text.rowid, round(bm25(article_text, {TitleWeight}, 1.0, {TitleWeight}, 1.0), 6) AS score
            FROM article_text JOIN articles a ON a.rowid = article_text.rowid
            WHERE article_text MATCH $match
            ORDER BY score, a.published DESC, a.folder, a.id
            """), ("$match", string.Join(" ", weighed.Select(t => t.ToPhrase()))));
        using var reader = command.ExecuteReader();
        var ranked = new List<long>();
        while (ranked.Count < limit && reader.Read())
            if (candidates.Contains(reader.GetInt64(0))) ranked.Add(reader.GetInt64(0));
        return ranked;
    }

    /// <summary>Matches with every term in the title, newest first, then the other matches, newest first.</summary>
    public static List<long> TitleThenNewest(SqliteConnection connection, SearchQuery query, List<long> matches, int limit)
    {
        var candidates = matches.ToHashSet();
        var ranked = new List<long>();
        using (var command = CatalogSql.Command(connection, null,
            "SELECT rowid FROM article_text WHERE article_text MATCH $match AND rowid >= $oldest ORDER BY rowid DESC",
            ("$match", string.Join(" ", query.Terms.Select(t => t.ToPhrase(titleOnly: true)))), ("$oldest", matches[^1])))
        using (var reader = command.ExecuteReader())
            while (ranked.Count < limit && reader.Read())
                if (candidates.Contains(reader.GetInt64(0))) ranked.Add(reader.GetInt64(0));
        var inTitle = ranked.ToHashSet();
        ranked.AddRange(matches.Where(rowid => !inTitle.Contains(rowid)).Take(limit - ranked.Count));
        return ranked;
    }
}
