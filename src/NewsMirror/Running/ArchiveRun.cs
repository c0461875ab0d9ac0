using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Warc;
using NewsMirror.Evidence.Probes;
using NewsMirror.Fetching;
using NewsMirror.Running.Status;
using NewsMirror.Sources;
using NewsMirror.Bodies;

namespace NewsMirror.Running;

/// <summary>One pass over all sources: each archived independently and concurrently (sharing the catalog), then the README.</summary>
public sealed class ArchiveRun(ArchivePaths paths, FetchLimits limits, TimeProvider clock)
{
    public int MaxConcurrentSources { get; init; } = 4;
    public int MaxPagesPerHost { get; init; } = 2;
    public ArchiveLayout Layout { get; init; } = ArchiveLayout.Duty;

    /// <summary>Feed requests per host at a time (many outlets share one feed host); null: only the fetcher's connection cap.</summary>
    public int? MaxFeedsPerHost { get; init; }

    /// <summary>The sources the README links; default: the sources run. A run narrowed with --only must still link every source.</summary>
    public IReadOnlyList<SourceConfig>? IndexSources { get; init; }

    /// <summary>Whether to bring STATUS.md (the sources' health) up to date after the sources ran.</summary>
    public bool WriteStatusFile { get; init; }

    /// <summary>Whether the run keeps raw captures of what it fetches (WARC files), and whether they are committed.</summary>
    public RawCapture Raw { get; init; } = RawCapture.Off;

    /// <summary>
    /// After the sources, due probes of archived articles (edits and removals at the source) are made for up to this
    /// long; null or zero: none.
    /// </summary>
    public TimeSpan? ProbeBudget { get; init; }

    /// <summary>Told of each source as it finishes, for progress displays.</summary>
    public IProgress<SourceReport>? Progress { get; init; }

    public async Task<RunReport> RunAsync(IReadOnlyList<SourceConfig> sources, CancellationToken cancel)
    {
        var timer = Stopwatch.StartNew();
        var (warc, repaired) = Raw == RawCapture.Off ? (null, null) : WarcRecorder.Open(paths);
        using var _ = warc;
        using var fetcher = new HttpFetcher(limits) { Recorder = warc };
        var hosts = new HostLimiter(MaxPagesPerHost);
        var images = new ImageLocalizer(fetcher, hosts, paths);
        var layout = ArchiveLayouts.Of(Layout);
        var pages = new ArticlePages(fetcher, hosts, images, paths) { Layout = layout };
        // Every run, not only the one that builds the catalog: a run killed before it wrote the line must not leave
        // the catalog showing as untracked for good.
        var wroteGitIgnore = ArchiveGitIgnore.Ensure(paths, Raw == RawCapture.Local ? [ArchiveCatalog.IgnorePattern, WarcFolder.IgnorePattern] : [ArchiveCatalog.IgnorePattern]);
        // Without a catalog (a fresh clone) its folders are not built first: the sources' questions and the choice of due
        // probes are answered from the logs' ends, and the folders are built only when a question needs them
        // (Catalog/DeferredFolders.cs). STATUS.md reads every folder's rows, so a run that writes it builds the catalog at
        // once: building it after the sources measured no faster and held more memory (docs/PERFORMANCE.md). An archive
        // without identity logs (a new one) has nothing to build, so its catalog is made whole at once.
        var logged = Directory.Exists(paths.IdentityLogFolder) && Directory.EnumerateFiles(paths.IdentityLogFolder, "*.jsonl").Any();
        using var catalog = ArchiveCatalog.Open(paths, IndexSources ?? sources, layout, deferFolders: layout.FolderPerSource && !WriteStatusFile && logged);
        var runner = new SourceRunner(paths, catalog, fetcher, pages, clock) { Layout = layout, FeedHosts = MaxFeedsPerHost is { } perHost ? new HostLimiter(perHost) : null };
        var reports = new SourceReport[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentSources, CancellationToken = cancel },
            async (i, token) =>
            {
                reports[i] = await runner.RunAsync(sources[i], token);
                Progress?.Report(reports[i]);
            });
        ProbeReport? probes = null;
        string? probeError = null;
        if (ProbeBudget is { } budget && budget > TimeSpan.Zero)
        {
            try
            {
                probes = await new ProbeRun(paths, catalog, fetcher, hosts, clock) { Captures = warc }.RunAsync(sources, new ProbeRequest { Budget = budget }, cancel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The articles are archived either way; the probes wait for the next run.
                probeError = e.Message;
            }
        }
        var files = reports.SelectMany(r => r.Files).Concat(images.Files.Select(paths.Relative)).Concat(probes?.Files ?? []).Distinct().ToList();
        if (wroteGitIgnore || catalog.WroteGitIgnore) files.Add(paths.Relative(ArchiveGitIgnore.PathIn(paths)));
        if (Raw == RawCapture.Commit && warc is not null)
        {
            // Closed first, so the commit takes each file whole.
            warc.Dispose();
            files.AddRange(warc.Files.Select(paths.Relative));
        }
        // Brought up to date whenever a source has articles (a killed run may have left it behind); it is only
        // rewritten when it differs, so a run with nothing new changes nothing.
        string? readmeError = null;
        try
        {
            if (reports.Any(r => r.New > 0 || r.Known > 0) && ArchiveIndexPages.UpdateReadme(paths, IndexSources ?? sources))
                files.Add(paths.Relative(paths.Readme));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            readmeError = e.Message;
        }
        string? statusError = null;
        try
        {
            if (WriteStatusFile) catalog.BuildDeferredFolders();
            if (WriteStatusFile && StatusPage.Write(paths, SourceStatus.Collect(catalog, IndexSources ?? sources, clock.GetUtcNow())))
                files.Add(StatusPage.FileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            statusError = e.Message;
        }
        return new RunReport(reports, timer.Elapsed) { Files = files, ReadmeError = readmeError, StatusFileError = statusError, RawCaptureRepair = repaired, Probes = probes, ProbeError = probeError };
    }
}
