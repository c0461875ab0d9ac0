using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Warc;
using NewsMirror.Fetching;
using NewsMirror.Fetching.Decoding;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// One pass of probes: picks the articles whose probe is due (or all of them), fetches their pages with the run's
/// fetcher and per-host limits under their source's address policy, classifies each response, decides finality
/// from the article's history, appends the log lines (and, for a confirmed edit, a revision line to the identity
/// log), then brings the catalog and REMOVED.md up to date. Article files are never touched.
/// </summary>
public sealed class ProbeRun(ArchivePaths paths, ArchiveCatalog catalog, HttpFetcher fetcher, HostLimiter hosts, TimeProvider clock)
{
    /// <summary>Where the probes' answers are kept as WARC records; each probe line then names its response record.</summary>
    public WarcRecorder? Captures { get; init; }

    /// <summary>Probes in flight at a time (across hosts; each host is also held to the per-host limit).</summary>
    public int MaxConcurrent { get; init; } = 8;

    private sealed record Due(SourceConfig Source, CatalogRow Row, ArticleProbeState State, DateTimeOffset When);

    public async Task<ProbeReport> RunAsync(IReadOnlyList<SourceConfig> sources, ProbeRequest request, CancellationToken cancel)
    {
        var started = clock.GetTimestamp();
        // With one folder shared by all sources (Jekyll), articles cannot be told apart by source: not probed.
        if (!catalog.Layout.FolderPerSource) return new ProbeReport();
        var now = clock.GetUtcNow();
        var due = Select(sources, request, now);
        var queue = new Queue<Due>(due);
        var made = new List<(string Folder, ProbeLogLine Line)>();
        var verdicts = new List<(string Folder, ProbeLogLine Line)>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var revisedFolders = new HashSet<string>(StringComparer.Ordinal);
        var gate = new object();
        var startedProbes = 0;

        Due? Next()
        {
            lock (gate)
            {
                if (queue.Count == 0) return null;
                if (request.Limit is { } limit && startedProbes >= limit) return null;
                if (request.Budget is { } budget && clock.GetElapsedTime(started) >= budget) return null;
                startedProbes++;
                return queue.Dequeue();
            }
        }

        async Task Work()
        {
            while (Next() is { } item)
            {
                var line = await ProbeAsync(item, cancel);
                lock (gate)
                {
                    ProbeLog.Append(ProbeLog.PathOf(paths, item.Source.Folder), [line]);
                    touched.Add(item.Source.Folder);
                    made.Add((item.Source.Folder, line));
                    if (IsNewVerdict(item.State, line)) verdicts.Add((item.Source.Folder, line));
                    if (line.Final && line.Outcome == ProbeOutcomes.Edited)
                    {
                        RecordRevision(item, line);
                        revisedFolders.Add(item.Source.Folder);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, MaxConcurrent)).Select(_ => Task.Run(Work, cancel)));

        var files = new List<string>();
        foreach (var folder in touched)
        {
            ProbeTables.CatchUp(catalog, folder);
            files.Add(paths.Relative(ProbeLog.PathOf(paths, folder)));
        }
        foreach (var folder in revisedFolders)
        {
            catalog.CatchUp(folder);
            files.Add(paths.Relative(paths.IdentityLog(folder)));
        }
        // Not only after a new verdict: a pass stopped after its log lines but before this point left the file behind.
        if (RemovedIndex.Write(paths, RemovalRecords.Of(catalog))) files.Add(RemovedIndex.FileName);
        return new ProbeReport
        {
            Probes = made,
            NewVerdicts = verdicts,
            Deferred = queue.Count,
            Files = files,
            Elapsed = clock.GetElapsedTime(started),
        };
    }

    /// <summary>The probes to make, most overdue first (an audit: newest articles first).</summary>
    private List<Due> Select(IReadOnlyList<SourceConfig> sources, ProbeRequest request, DateTimeOffset now)
    {
        var due = new List<Due>();
        // An audit reads every row; the due probes of a fresh clone's deferred folders come from the logs' ends.
        if (request.All) catalog.BuildDeferredFolders();
        foreach (var source in sources.Where(s => !s.Probe.IsOff).DistinctBy(s => s.Folder))
        {
            bool fromLog = catalog.Deferred;
            if (!fromLog) catalog.CatchUp(source.Folder);
            ProbeTables.CatchUp(catalog, source.Folder);
            // Past its schedule's last point an article is only probed again for a retry, or by an audit.
            DateTimeOffset? horizon = request.All ? null : now - source.Probe.Offsets[^1] - ArticleProbeState.ConfirmAfter;
            var articles = fromLog
                ? ProbeTables.ArticlesFromLog(catalog, source.Folder, horizon!.Value, now - source.Probe.Offsets[0])
                : ProbeTables.Articles(catalog, source.Folder, horizon);
            foreach (var (row, state) in articles)
            {
                if (!Uri.TryCreate(row.Link, UriKind.Absolute, out _)) continue;
                if (request.All)
                {
                    due.Add(new Due(source, row, state, row.Archived ?? DateTimeOffset.MinValue));
                    continue;
                }
                if (row.Archived is not { } archived || ProbeDue.When(source.Probe, archived, state) is not { } when || when > now) continue;
                due.Add(new Due(source, row, state, when));
            }
        }
        return request.All ? due.OrderByDescending(d => d.When).ToList() : due.OrderBy(d => d.When).ToList();
    }

    private async Task<ProbeLogLine> ProbeAsync(Due item, CancellationToken cancel)
    {
        var response = await FetchAsync(item, cancel);
        var archived = ArchivedText.Read(item.Row.Folder, Path.Combine(CatalogPaths.Directory(paths, item.Row.Folder), item.Row.File)).PlainText();
        ProbeLogLine Classify(ProbeResponse r) => ProbeClassifier.Classify(r, item.Row.Link, archived.Title + " " + archived.Body, item.State, item.Source,
            clock.GetUtcNow(), item.Row.Id, item.Row.File);
        ProbeLogLine line;
        try { line = Classify(response); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A page the extraction chokes on gives no verdict, like one that did not load.
            line = Classify(new ProbeResponse { Status = response.Status, FinalUrl = response.FinalUrl, Error = $"unexpected failure ({e.GetType().Name}): {e.Message}" });
        }
        // The evidence names its capture: the response the article's own address gave (a redirect's 3xx, a 404, the page).
        line = line with { Warc = Captures?.LastResponseId(item.Row.Link) ?? line.Warc };
        var final = item.State.Confirms(line);
        // The new version's text is kept once, on the line that confirms the edit.
        return line with { Final = final, Text = final && line.Outcome == ProbeOutcomes.Edited ? line.Text : null };
    }

    private async Task<ProbeResponse> FetchAsync(Due item, CancellationToken cancel)
    {
        try
        {
            return await FetchPageAsync(item, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Page content is hostile input: whatever it provokes is this probe's failure, never the run's.
            return new ProbeResponse { Error = $"unexpected failure ({e.GetType().Name}): {e.Message}" };
        }
    }

    private async Task<ProbeResponse> FetchPageAsync(Due item, CancellationToken cancel)
    {
        var link = item.Row.Link;
        var host = Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.Host : "";
        var validators = item.State.Validators;
        try
        {
            var page = await hosts.RunAsync(host, () => fetcher.FetchUntrustedAsync(link, FetchPolicy.For(item.Source), cancel,
                validators: validators.IsEmpty ? null : validators), cancel);
            if (page.NotModified) return new ProbeResponse { Status = 304, FinalUrl = page.Url, Validators = page.Validators };
            var html = DocumentDecoder.Decode(page.Body, page.ContentType, DocumentKind.Page).Text;
            return new ProbeResponse { Status = 200, Html = html, FinalUrl = page.Url, Validators = page.Validators };
        }
        catch (FetchException e)
        {
            return new ProbeResponse { Status = e.Status, FinalUrl = e.Url, Error = e.Message };
        }
    }

    private static bool IsNewVerdict(ArticleProbeState before, ProbeLogLine line) =>
        line.Final && (line.Outcome == ProbeOutcomes.Edited || (before.FinalOutcome ?? ProbeOutcomes.Live) != line.Outcome);

    /// <summary>A confirmed edit becomes a revision of the article, as a feed-noticed change does: the file stays as archived.</summary>
    private void RecordRevision(Due item, ProbeLogLine line)
    {
        if (item.Row.Id is not { } id) return;
        var entry = new IdentityLogEntry(id, item.Row.File, item.Row.Guid, item.Row.Link, item.State.TitleOfRevision(line, item.Row.Title) ?? item.Row.Title, item.Row.Published, line.At)
        {
            Seen = line.Digest,
            Change = IdentityLogEntry.Changes.Probe,
        };
        IdentityLog.Append(paths.IdentityLog(item.Row.Folder), [entry]);
    }
}
