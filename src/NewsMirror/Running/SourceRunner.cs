using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Content;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Running;

/// <summary>One source's pass: fetch → parse → select → identity → body → write → list page.</summary>
public sealed class SourceRunner(ArchivePaths paths, HttpFetcher fetcher, ArticlePages pages, TimeProvider clock)
{
    public async Task<SourceReport> RunAsync(SourceConfig source, CancellationToken cancel)
    {
        var timer = Stopwatch.StartNew();
        var warnings = new List<string>();
        try
        {
            var fetched = await fetcher.FetchAsync(source.Url, paths.Root, cancel);
            var feed = FeedParser.Parse(fetched.Body, new FeedParseOptions { ContentType = fetched.ContentType, BaseUrl = fetched.Url, TimeZone = source.TimeZone });
            warnings.AddRange(feed.Errors);
            var candidates = CandidateSelection.Select(feed, source, clock.GetUtcNow(), warnings);
            var folder = ArchiveFolder.Load(paths, source.Folder);
            var fresh = candidates.Where(c => folder.Find(c.Guid, c.Record.Link, c.Record.Title, c.Record.TimestampMs) is null).ToList();
            var articles = await pages.PrepareAsync(fresh, source, warnings, cancel);
            var written = new List<StoredArticle>();
            using (await FolderWriteLock.AcquireAsync(folder.Path, cancel))
            {
                if (articles.Count > 0)
                {
                    // Another run may have archived some of these since the folder was read: look again, under the lock.
                    folder = ArchiveFolder.Load(paths, source.Folder);
                    var unseen = articles.Where(a => folder.Find(a.Guid, a.Record.Link, a.Record.Title, a.Record.TimestampMs) is null).ToList();
                    written = ArticleWriter.Write(paths, folder, unseen, clock.GetUtcNow(), warnings);
                }
                // Checked every run, not only when articles were added: a run killed between its article files and
                // the list page leaves a stale list that only this repairs (it is rewritten only when it differs).
                if (folder.Count > 0) ArchiveIndexPages.WriteList(paths, source, folder);
            }
            return new SourceReport(source.Name, source.Folder, null, written.Count, candidates.Count - fresh.Count, warnings, timer.Elapsed);
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
