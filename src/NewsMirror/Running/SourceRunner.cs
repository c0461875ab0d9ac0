using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Catalog;
using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;
using NewsMirror.Bodies;
using NewsMirror.Identity;

namespace NewsMirror.Running;

/// <summary>One source's pass: fetch → parse → select → identity (catalog) → revisions → body → write → list page.</summary>
public sealed class SourceRunner(ArchivePaths paths, ArchiveCatalog catalog, HttpFetcher fetcher, ArticlePages pages, TimeProvider clock)
{
    public IArchiveLayout Layout { get; init; } = ArchiveLayouts.Of(ArchiveLayout.Duty);

    /// <summary>Feed requests per host at a time; null: no limit beyond the fetcher's connection cap.</summary>
    public HostLimiter? FeedHosts { get; init; }

    /// <summary>Who answers the pass's catalog questions (identities, source states); default: the archive's SQLite catalog.</summary>
    public IRunCatalog? RunCatalog { get; init; }

    private IRunCatalog Questions => RunCatalog ?? new LocalRunCatalog(catalog);

    public async Task<SourceReport> RunAsync(SourceConfig source, CancellationToken cancel)
    {
        var timer = Stopwatch.StartNew();
        var warnings = new SourceWarnings();
        try
        {
            var previous = Questions.States.Get(source.Name);
            var fetched = await FetchAsync(source, new Validators(previous.ETag, previous.LastModified), cancel);
            if (fetched.NotModified)
            {
                Questions.States.RecordSuccess(source.Name, clock.GetUtcNow(), fetched.Validators.ETag, fetched.Validators.LastModified);
                return new SourceReport(source.Name, source.Folder, null, 0, 0, warnings.ToList(), timer.Elapsed) { NotModified = true };
            }
            var store = new ArticleStore(paths, Layout);
            var (_, candidates, folder, fresh) = SourceSnapshot.Of(fetched, LoadFolder(store), source, clock.GetUtcNow(), warnings);
            var catalogFolder = Questions.Indexed(folder);
            var (changed, revised) = catalogFolder is not null
                ? await new KnownItemChanges(paths, pages, store).RecordAsync(catalogFolder, candidates.Except(fresh).ToList(), source, clock.GetUtcNow(), warnings, cancel)
                : (0, []);
            var articles = await pages.PrepareAsync(fresh, source, warnings, cancel);
            var (written, files) = store.Write(source, folder, articles, clock.GetUtcNow(), warnings);
            // The catalog learns what was just written (and any revision) from the log lines, before the list is made.
            catalogFolder?.CatchUp();
            if (store.WriteList(source, folder) is { } list) files.Add(list);
            // Validators are kept only when every new item was written: an item put off (its article page failed) must
            // find the feed fetched in full next time, not "not modified".
            var complete = written == fresh.Count;
            Questions.States.RecordSuccess(source.Name, clock.GetUtcNow(), complete ? fetched.Validators.ETag : null, complete ? fetched.Validators.LastModified : null);
            return new SourceReport(source.Name, source.Folder, null, written, candidates.Count - fresh.Count, warnings.ToList(), timer.Elapsed)
            {
                Files = revised.Concat(files).Distinct().ToList(),
                Changed = changed,
            };
        }
        catch (FetchException e)
        {
            return Failed(source, e.Message, warnings, timer, e.RetryAfter?.After(clock.GetUtcNow()));
        }
        catch (Exception e) when (e is FeedParseException or IOException or UnauthorizedAccessException)
        {
            return Failed(source, e.Message, warnings, timer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Feed content is hostile input: a fault it provokes anywhere must fail this source only, never the run.
            return Failed(source, $"unexpected failure ({e.GetType().Name}): {e.Message}", warnings, timer);
        }
    }

    /// <summary>
    /// With a folder per source the catalog answers identity questions (indexed queries); with one folder shared by
    /// all sources the folder is listed and the source's log read.
    /// </summary>
    private Func<SourceConfig, IArchiveFolder> LoadFolder(ArticleStore store) =>
        Layout.FolderPerSource ? source => Questions.Folder(source.Folder) : store.Load;

    private Task<FetchResult> FetchAsync(SourceConfig source, Validators validators, CancellationToken cancel)
    {
        Task<FetchResult> Fetch() => fetcher.FetchAsync(source.Url, paths.Root, cancel, validators: validators);
        if (FeedHosts is null) return Fetch();
        var host = Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) ? uri.Authority : "";
        return FeedHosts.RunAsync(host, Fetch, cancel);
    }

    /// <param name="retryAt">When the server allows the next request (Retry-After), kept as the source's next allowed poll.</param>
    private SourceReport Failed(SourceConfig source, string error, SourceWarnings warnings, Stopwatch timer, DateTimeOffset? retryAt = null)
    {
        try { Questions.States.RecordFailure(source.Name, clock.GetUtcNow(), error, retryAt); }
        catch (Microsoft.Data.Sqlite.SqliteException) { /* the failure report matters more than its record */ }
        return new SourceReport(source.Name, source.Folder, error, 0, 0, warnings.ToList(), timer.Elapsed) { RetryAt = retryAt };
    }
}
