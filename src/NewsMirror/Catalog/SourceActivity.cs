using NewsMirror.Sources;

namespace NewsMirror.Catalog;

/// <summary>
/// How much a source publishes, from the catalog: articles in total and recently, the newest one, and the usual
/// gap between articles (the median of its recent ones). Times are the articles' own (published), else when archived.
/// </summary>
public sealed record SourceActivity(int Total, int Last24h, int Last7d, DateTimeOffset? Latest, TimeSpan? MedianGap)
{
    /// <summary>How many of the newest articles the usual gap is measured over.</summary>
    private const int GapSample = 50;

    public static SourceActivity Of(ArchiveCatalog catalog, SourceConfig source, DateTimeOffset now)
    {
        // Where every source's posts share one folder, the source column tells them apart.
        var (filter, key) = catalog.Layout.FolderPerSource ? ("folder = $key", source.Folder) : ("source = $key", source.Name);
        var day = now.AddDays(-1).ToUnixTimeMilliseconds();
        var week = now.AddDays(-7).ToUnixTimeMilliseconds();
        lock (catalog.Gate)
        {
            int total, last24h, last7d;
            using (var counts = CatalogSql.Command(catalog.Connection, null, $"""
                SELECT count(*), count(*) FILTER (WHERE coalesce(published, archived) >= $day), count(*) FILTER (WHERE coalesce(published, archived) >= $week)
                FROM articles WHERE {filter}
                """, ("$key", key), ("$day", day), ("$week", week)))
            using (var r = counts.ExecuteReader())
            {
                r.Read();
                (total, last24h, last7d) = (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2));
            }
            var times = new List<long>();
            using (var recent = CatalogSql.Command(catalog.Connection, null, $"""
                SELECT coalesce(published, archived) AS t FROM articles WHERE {filter} AND t IS NOT NULL AND t <= $now ORDER BY t DESC LIMIT {GapSample + 1}
                """, ("$key", key), ("$now", now.ToUnixTimeMilliseconds())))
            using (var r = recent.ExecuteReader())
                while (r.Read()) times.Add(r.GetInt64(0));
            DateTimeOffset? latest = times.Count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(times[0]) : null;
            return new SourceActivity(total, last24h, last7d, latest, Median(times));
        }
    }

    private static TimeSpan? Median(List<long> newestFirst)
    {
        if (newestFirst.Count < 2) return null;
        var gaps = newestFirst.Zip(newestFirst.Skip(1), (later, earlier) => later - earlier).Order().ToList();
        return TimeSpan.FromMilliseconds(gaps[gaps.Count / 2]);
    }
}
