using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Running;

/// <summary>One source's pass: fetch → parse → select → identity → body → write → list page.</summary>
public sealed class SourceRunner(ArchivePaths paths, HttpFetcher fetcher, ArticlePages pages, TimeProvider clock)
{
    public ArchiveLayout Layout { get; init; } = ArchiveLayout.Duty;

    public async Task<SourceReport> RunAsync(SourceConfig source, CancellationToken cancel)
    {
        var timer = Stopwatch.StartNew();
        var warnings = new List<string>();
        try
        {
            var store = new ArticleStore(paths, Layout);
            var (_, candidates, folder, fresh) = await SourceSnapshot.TakeAsync(store, paths.Root, fetcher, source, clock.GetUtcNow(), warnings, cancel);
            var articles = await pages.PrepareAsync(fresh, source, warnings, cancel);
            var (written, files) = store.Write(source, folder, articles, clock.GetUtcNow(), warnings);
            return new SourceReport(source.Name, source.Folder, null, written, candidates.Count - fresh.Count, warnings, timer.Elapsed) { Files = files };
        }
        catch (Exception e) when (e is FetchException or FeedParseException or IOException or UnauthorizedAccessException)
        {
            return new SourceReport(source.Name, source.Folder, e.Message, 0, 0, warnings, timer.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Feed content is hostile input: a fault it provokes anywhere must fail this source only, never the run.
            return new SourceReport(source.Name, source.Folder, $"unexpected failure ({e.GetType().Name}): {e.Message}", 0, 0, warnings, timer.Elapsed);
        }
    }
}
