using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Bodies;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Warc;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Running.Reparse;

/// <summary>
/// Replays the stored feed captures (WARC files) through today's parser, selection and identity, and archives the
/// items the archive lacks — what an earlier version or configuration missed. New files only: an item already
/// archived is left as it is (no revision is recorded from an old capture). Article pages come from the captures
/// too; an item whose page was not captured is named in a warning and not fetched: nothing goes to the network.
/// </summary>
public sealed class ArchiveReparse(ArchivePaths paths)
{
    public ArchiveLayout Layout { get; init; } = ArchiveLayout.Duty;

    /// <summary>Report what would be added, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The sources the README links (the configured ones), when a run narrowed to a few adds articles.</summary>
    public IReadOnlyList<SourceConfig>? IndexSources { get; init; }

    /// <param name="since">Only captures made from then on (null: all).</param>
    public async Task<ReparseReport> RunAsync(IReadOnlyList<SourceConfig> sources, DateTimeOffset? since, CancellationToken cancel)
    {
        // Images are never replayed (the page's image links are rewritten from the live site or left as they are).
        var captures = WarcCaptures.Load(paths, since, r => r.Header("Content-Type")?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true);
        var layout = ArchiveLayouts.Of(Layout);
        using var fetcher = new HttpFetcher(new FetchLimits(), () => new WarcReplayHandler(captures));
        var hosts = new HostLimiter(4);
        var images = new ImageLocalizer(fetcher, hosts, paths);
        var pages = new ArticlePages(fetcher, hosts, images, paths) { Layout = layout };
        using var catalog = ArchiveCatalog.Open(paths, IndexSources ?? sources, layout);
        var store = new ArticleStore(paths, layout);
        var reports = new List<ReparseSourceReport>();
        var files = new List<string>();
        foreach (var source in sources)
        {
            cancel.ThrowIfCancellationRequested();
            reports.Add(await ReplayAsync(source, captures, store, catalog, pages, files, cancel));
        }
        files.AddRange(images.Files.Select(paths.Relative));
        if (!DryRun && reports.Any(r => r.Items.Any(i => i.File is not null)) && ArchiveIndexPages.UpdateReadme(paths, IndexSources ?? sources))
            files.Add(paths.Relative(paths.Readme));
        return new ReparseReport(reports, captures.Problems, DryRun) { Files = files.Distinct().ToList() };
    }

    private async Task<ReparseSourceReport> ReplayAsync(SourceConfig source, WarcCaptures captures, ArticleStore store, ArchiveCatalog catalog, ArticlePages pages,
        List<string> files, CancellationToken cancel)
    {
        var warnings = new SourceWarnings();
        var items = new List<ReparsedItem>();
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var feedUrl) || feedUrl.IsFile)
            return new ReparseSourceReport(source.Name, source.Folder, 0, [], [$"its feed ({source.Url}) is not fetched over http(s): no captures to replay"], null);
        var documents = captures.Documents(feedUrl).ToList();
        // In a dry run nothing is written, so a later capture would list the same item again.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        // As a run asks: the catalog with a folder per source, else the shared folder listed with the source's log.
        IArchiveFolder Load(SourceConfig s) => store.Layout.FolderPerSource ? catalog.Folder(s.Folder) : store.Load(s);
        try
        {
            IArchiveFolder? folder = null;
            foreach (var capture in documents)
            {
                var fetched = new FetchResult(capture.Body, capture.Header("Content-Type"), capture.Target);
                var captureWarnings = new SourceWarnings();
                SourceSnapshot snapshot;
                try
                {
                    snapshot = SourceSnapshot.Of(fetched, Load, source, capture.Date, captureWarnings);
                }
                catch (FeedParseException e)
                {
                    warnings.Add($"capture {capture.RecordId} ({capture.Date:u}, {capture.File}): not a feed: {e.Message}");
                    continue;
                }
                folder = snapshot.Folder;
                var fresh = snapshot.Fresh.Where(c => listed.Add(c.Guid ?? c.Record.Link)).ToList();
                if (fresh.Count == 0) continue;
                warnings.AddRange(captureWarnings.ToList().Select(w => $"capture of {capture.Date:u}: {w}"));
                if (DryRun)
                {
                    items.AddRange(fresh.Select(c => new ReparsedItem(c.Record.Title, c.Record.Link, null, capture.RecordId, capture.Date)));
                    continue;
                }
                var articles = await pages.PrepareAsync(fresh, source, warnings, cancel);
                var (_, written) = store.Write(source, snapshot.Folder, articles, capture.Date, warnings);
                (snapshot.Folder as CatalogFolder)?.CatchUp();
                files.AddRange(written);
                // Asked again after the write: an item put off (its page not captured) or refused by the write has no file.
                var after = Load(source);
                foreach (var candidate in fresh)
                {
                    var stored = after.Find(candidate.Guid, candidate.Record.Link, candidate.Record.Title, candidate.Record.TimestampMs);
                    items.Add(new ReparsedItem(candidate.Record.Title, candidate.Record.Link,
                        stored is null ? null : paths.Relative(Path.Combine(after.Path, stored.File)), capture.RecordId, capture.Date));
                }
            }
            if (!DryRun && folder is not null && store.WriteList(source, Load(source)) is { } list) files.Add(list);
            return new ReparseSourceReport(source.Name, source.Folder, documents.Count, items, warnings.ToList(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReparseSourceReport(source.Name, source.Folder, documents.Count, items, warnings.ToList(), e.Message);
        }
    }
}
