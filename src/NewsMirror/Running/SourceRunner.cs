using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Running;

/// <summary>One source's pass: fetch → parse → select → identity (catalog) → revisions → body → write → list page.</summary>
public sealed class SourceRunner(ArchivePaths paths, ArchiveCatalog catalog, HttpFetcher fetcher, ArticlePages pages, TimeProvider clock)
{
    public ArchiveLayout Layout { get; init; } = ArchiveLayout.Duty;

    public async Task<SourceReport> RunAsync(SourceConfig source, CancellationToken cancel)
    {
        var timer = Stopwatch.StartNew();
        var warnings = new List<string>();
        try
        {
            var store = new ArticleStore(paths, Layout, catalog);
            var (_, candidates, folder, fresh) = await SourceSnapshot.TakeAsync(store, paths.Root, fetcher, source, clock.GetUtcNow(), warnings, cancel);
            var (changed, revised) = folder is CatalogFolder catalogFolder
                ? await new KnownItemChanges(paths, pages).RecordAsync(catalogFolder, candidates.Except(fresh).ToList(), source, clock.GetUtcNow(), warnings, cancel)
                : (0, []);
            var articles = await pages.PrepareAsync(fresh, source, warnings, cancel);
            var (written, files) = store.Write(source, folder, articles, clock.GetUtcNow(), warnings);
            catalog.States.RecordSuccess(source.Name, clock.GetUtcNow());
            return new SourceReport(source.Name, source.Folder, null, written, candidates.Count - fresh.Count, warnings, timer.Elapsed)
            {
                Files = revised.Concat(files).Distinct().ToList(),
                Changed = changed,
            };
        }
        catch (Exception e) when (e is FetchException or FeedParseException or IOException or UnauthorizedAccessException)
        {
            return Failed(source, e.Message, warnings, timer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Feed content is hostile input: a fault it provokes anywhere must fail this source only, never the run.
            return Failed(source, $"unexpected failure ({e.GetType().Name}): {e.Message}", warnings, timer);
        }
    }

    private SourceReport Failed(SourceConfig source, string error, List<string> warnings, Stopwatch timer)
    {
        try { catalog.States.RecordFailure(source.Name, clock.GetUtcNow(), error); }
        catch (Microsoft.Data.Sqlite.SqliteException) { /* the failure report matters more than its record */ }
        return new SourceReport(source.Name, source.Folder, error, 0, 0, warnings, timer.Elapsed);
    }
}
