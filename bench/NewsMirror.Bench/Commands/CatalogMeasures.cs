using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Bench.Archives;
using NewsMirror.Catalog;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// The catalog's costs on a generated archive, in process: rebuilding catalog.db from the identity logs (what a
/// fresh clone's first run does), indexing the text for search, and search latency over a fixed set of queries.
/// </summary>
internal static class CatalogMeasures
{
    private const int SearchRounds = 5;

    private static readonly string[] Queries =
    [
        "国", "经济", "香港", "外交部长", "總統", "選舉", "新疆 人权", "Trump", "NATO 俄罗斯", "government", "human rights", "中国 Huawei",
    ];

    public static ResultRow Rebuild(string root, int size)
    {
        var paths = new ArchivePaths(root);
        DeleteCatalog(root);
        var timer = Stopwatch.StartNew();
        using (var catalog = ArchiveCatalog.Open(paths, SyntheticArchive.Sources))
            catalog.CatchUpAll();
        var rate = size / timer.Elapsed.TotalSeconds;
        return new ResultRow($"catalog rebuild from the identity logs, {SuiteOptions.SizeLabel(size)} articles (in process)",
            $"{timer.Elapsed.TotalSeconds:0.00} s ({rate:N0} articles/s)", "≥ 50,000 articles/s", rate >= 50_000);
    }

    /// <summary>Indexes the archive's text (once; kept with the archive) and times each query <see cref="SearchRounds"/> times.</summary>
    public static IEnumerable<ResultRow> Search(string root, int size)
    {
        var label = SuiteOptions.SizeLabel(size);
        using var catalog = ArchiveCatalog.Open(new ArchivePaths(root), SyntheticArchive.Sources);
        catalog.CatchUpAll();
        if (CatalogSearchIndex.PendingCount(catalog) > 0)
        {
            var timer = Stopwatch.StartNew();
            int indexed = CatalogSearchIndex.IndexPending(catalog);
            yield return new ResultRow($"search index of {label} articles, built once (in process)",
                $"{timer.Elapsed.TotalSeconds:0.0} s ({indexed / timer.Elapsed.TotalSeconds:N0} articles/s)");
        }
        foreach (var query in Queries) ArchiveSearch.Run(catalog, new SearchRequest(query));
        var times = new List<double>();
        for (int round = 0; round < SearchRounds; round++)
        {
            foreach (var query in Queries)
            {
                var timer = Stopwatch.StartNew();
                ArchiveSearch.Run(catalog, new SearchRequest(query));
                times.Add(timer.Elapsed.TotalMilliseconds);
            }
        }
        double p50 = Spread.Percentile(times, 0.5), p99 = Spread.Percentile(times, 0.99);
        yield return new ResultRow($"search latency, {label} articles, {Queries.Length} queries × {SearchRounds} (in process, 20 results with snippets)",
            $"p50 {p50:0.0} ms, p99 {p99:0.0} ms", size >= 1_000_000 ? "p99 < 100 ms" : "", size >= 1_000_000 ? p99 < 100 : null);
    }

    public static void DeleteCatalog(string root)
    {
        var state = Path.Combine(root, ".newsmirror");
        if (!Directory.Exists(state)) return;
        foreach (var file in Directory.EnumerateFiles(state, ArchiveCatalog.FileName + "*")) File.Delete(file);
    }
}
