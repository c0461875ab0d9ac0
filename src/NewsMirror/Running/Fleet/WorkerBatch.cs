using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Bodies;
using NewsMirror.Catalog;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Evidence.History;
using NewsMirror.Fetching;
using NewsMirror.Publishing.Git;
using NewsMirror.Running.Watch;
using NewsMirror.Sources;

namespace NewsMirror.Running.Fleet;

/// <summary>
/// One claimed batch, start to end: clone at the remote tip, leases renewed while it runs, the sources archived
/// against a <see cref="PostgresBatch"/> (their revisions and probes added to it), one commit pushed, then the batch committed in the catalog. Anything short
/// of that push is abandoned: the clone is put back at the remote tip and the catalog's transaction rolled back.
/// </summary>
internal sealed class WorkerBatch(ArchivePaths paths, IReadOnlyList<SourceConfig> sources, IArchiveLayout layout, PostgresCatalog shared, ArchivePublisher publisher,
    CloneSync sync, WorkerSettings settings, FetchLimits limits, string worker)
{
    /// <returns>The sources' reports; null when the batch was abandoned (the sources come back to the fleet).</returns>
    /// <exception cref="CatalogUnreachableException">The catalog was lost; the batch was abandoned first.</exception>
    public async Task<IReadOnlyList<SourceReport>?> RunAsync(ArchiveCatalog local, IReadOnlyList<SourceConfig> claimed, CancellationToken cancel)
    {
        var names = claimed.Select(s => s.Name).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Exception? renewFault = null;
        var renewal = RenewAsync(names, stop.Token, e => { renewFault = e; stop.Cancel(); });
        PostgresBatch? batch = null;
        var pushed = false;
        try
        {
            await sync.ToRemoteTipAsync(stop.Token);
            batch = await shared.BeginBatchAsync(local, worker, names, stop.Token);
            foreach (var source in claimed) await batch.ImportLogAsync(source.Folder, paths.IdentityLog(source.Folder), stop.Token);
            var (reports, files) = await ArchiveAsync(local, batch, claimed, stop.Token);
            if (batch.Fault is { } fault)
                throw PostgresFaults.IsConnectionLost(fault) ? PostgresFaults.Unreachable(shared.Url, fault) : new WorkerBatchException($"the catalog refused the batch: {fault.Message}", fault);
            // The folders' revisions and probes (the pass's own, and what other clones committed) join the batch: recorded with it or not at all.
            var history = new PostgresArticleHistory(local, batch);
            foreach (var folder in claimed.Select(s => s.Folder).Distinct(StringComparer.Ordinal)) await history.CatchUpAsync(folder, stop.Token);
            await publisher.CommitAsync(files, CommitMessage.For(reports.Select(r => (r.Name, r.New)), reports.Where(r => !r.Ok).Select(r => (r.Name, r.Error ?? ""))), stop.Token);
            // The fleet meets on the first remote of push:; a mirror that refuses is reported by status, not a failed batch.
            var push = (await publisher.PushAsync(stop.Token))[0];
            if (!push.Pushed) throw new WorkerBatchException($"push failed: {push.Error}");
            pushed = true;
            var now = DateTimeOffset.UtcNow;
            // The remaining steps are kept from cancellation: the push is public, so its record must follow it.
            await batch.CommitAsync(names.ToDictionary(n => n, n => PollSchedule.Next(batch.BatchStates.Get(n), settings.Poll, now)), CancellationToken.None);
            return reports;
        }
        catch (Exception e) when (e is WorkerBatchException or GitException or CatalogUnreachableException or OperationCanceledException or Npgsql.NpgsqlException)
        {
            var lost = renewFault as CatalogUnreachableException ?? e as CatalogUnreachableException
                ?? (PostgresFaults.IsConnectionLost(e) && e is Npgsql.NpgsqlException ? PostgresFaults.Unreachable(shared.Url, e) : null);
            Note?.Invoke(pushed
                ? $"batch pushed but not recorded ({Reason(e)}): the next holder of its sources records it from the identity logs"
                : $"batch abandoned ({Reason(e)}): {string.Join(", ", names)} return to the fleet");
            if (batch is not null) await batch.DisposeAsync();
            batch = null;
            await AbandonAsync(names, lost is null);
            if (lost is not null) throw lost;
            cancel.ThrowIfCancellationRequested();
            return null;
        }
        finally
        {
            await stop.CancelAsync();
            await renewal;
            if (batch is not null) await batch.DisposeAsync();
        }
    }

    public Action<string>? Note { get; init; }

    private async Task<(List<SourceReport> Reports, List<string> Files)> ArchiveAsync(ArchiveCatalog local, PostgresBatch batch, IReadOnlyList<SourceConfig> claimed, CancellationToken cancel)
    {
        using var fetcher = new HttpFetcher(limits);
        var hosts = new HostLimiter(2);
        var images = new ImageLocalizer(fetcher, hosts, paths);
        var pages = new ArticlePages(fetcher, hosts, images, paths) { Layout = layout };
        var runner = new SourceRunner(paths, local, fetcher, pages, TimeProvider.System) { Layout = layout, RunCatalog = batch };
        var reports = new SourceReport[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancel },
            async (i, token) => reports[i] = await runner.RunAsync(claimed[i], token));
        var files = reports.SelectMany(r => r.Files).Concat(images.Files.Select(paths.Relative)).Distinct(StringComparer.Ordinal).ToList();
        // The README names every source, not their articles: every worker writes the same text, so pushes never conflict on it.
        if (reports.Any(r => r.New > 0 || r.Known > 0) && ArchiveIndexPages.UpdateReadme(paths, sources)) files.Add(paths.Relative(paths.Readme));
        return (reports.ToList(), files);
    }

    /// <summary>Extends the batch's leases every third of a lease while it runs; tells <paramref name="lost"/> when the catalog is gone.</summary>
    private async Task RenewAsync(IReadOnlyCollection<string> names, CancellationToken stop, Action<Exception> lost)
    {
        using var timer = new PeriodicTimer(settings.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await shared.RenewAsync(worker, names, settings.Lease, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (CatalogUnreachableException e) { lost(e); }
    }

    /// <summary>Drops what the batch wrote from the clone and, when the catalog can still be told, gives its sources back at once.</summary>
    private async Task AbandonAsync(IReadOnlyCollection<string> names, bool catalogReachable)
    {
        try { await sync.ToRemoteTipAsync(CancellationToken.None); }
        catch (GitException e) { Note?.Invoke($"the clone could not be reset to the remote ({e.Message}): the next batch tries again"); }
        if (!catalogReachable) return;
        try { await shared.ReleaseAsync(worker, names, CancellationToken.None); }
        catch (CatalogUnreachableException) { /* the leases end by themselves */ }
    }

    private static string Reason(Exception e) => e is OperationCanceledException ? "stopped" : PostgresCatalogUrl.RedactText(e.Message);
}
