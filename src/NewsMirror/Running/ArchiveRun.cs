using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Running;

/// <summary>One pass over all sources: each archived independently and concurrently (sharing the catalog), then the README.</summary>
public sealed class ArchiveRun(ArchivePaths paths, FetchLimits limits, TimeProvider clock)
{
    public int MaxConcurrentSources { get; init; } = 4;
    public int MaxPagesPerHost { get; init; } = 2;

    public async Task<RunReport> RunAsync(IReadOnlyList<SourceConfig> sources, CancellationToken cancel)
    {
        var timer = Stopwatch.StartNew();
        using var fetcher = new HttpFetcher(limits);
        var hosts = new HostLimiter(MaxPagesPerHost);
        var pages = new ArticlePages(fetcher, hosts, new ImageLocalizer(fetcher, hosts, paths), paths);
        using var catalog = ArchiveCatalog.Open(paths, sources);
        var runner = new SourceRunner(paths, catalog, fetcher, pages, clock);
        var reports = new SourceReport[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSources, CancellationToken = cancel },
            async (i, token) => reports[i] = await runner.RunAsync(sources[i], token));
        // The README is only touched when the archive grew, so a run with nothing new changes nothing.
        if (reports.Any(r => r.New > 0))
            ArchiveIndexPages.UpdateReadme(paths, sources);
        return new RunReport(reports, timer.Elapsed);
    }
}
