using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;

namespace NewsMirror.Running;

/// <summary>One source's pass: fetch → parse → select → identity (catalog) → body → write → catalog → list page.</summary>
public sealed class SourceRunner(ArchivePaths paths, ArchiveCatalog catalog, HttpFetcher fetcher, ArticlePages pages, TimeProvider clock)
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
            var folder = catalog.Folder(source.Folder);
            var fresh = new List<Candidate>();
            var known = new List<(Candidate, CatalogRow)>();
            foreach (var candidate in candidates)
            {
                if (folder.Find(candidate.Guid, candidate.Record.Link, candidate.Record.Title, candidate.Record.TimestampMs) is { } row) known.Add((candidate, row));
                else fresh.Add(candidate);
            }
            var articles = await pages.PrepareAsync(fresh, source, warnings, cancel);
            var written = articles.Count == 0 ? [] : ArticleWriter.Write(paths, folder, articles, clock.GetUtcNow(), warnings);
            var changed = await new KnownItemChanges(paths, pages).RecordAsync(folder, known, source, clock.GetUtcNow(), warnings, cancel);
            if (written.Count > 0 || changed > 0) folder.CatchUp();
            if (written.Count > 0 || (changed > 0 && source.OnChange == ChangePolicy.Update)) ArchiveIndexPages.WriteList(paths, source, folder);
            catalog.States.RecordSuccess(source.Name, clock.GetUtcNow());
            return new SourceReport(source.Name, source.Folder, null, written.Count, known.Count, warnings, timer.Elapsed) { Changed = changed };
        }
        catch (Exception e) when (e is FetchException or FeedParseException or IOException or UnauthorizedAccessException)
        {
            catalog.States.RecordFailure(source.Name, clock.GetUtcNow(), e.Message);
            return new SourceReport(source.Name, source.Folder, e.Message, 0, 0, warnings, timer.Elapsed);
        }
    }
}
