using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;
using NewsMirror.Selection;

namespace NewsMirror.Identity;

/// <summary>
/// What a source's feed holds against the archive, before anything is written: the parsed feed, the items its
/// filters keep, and which of those the archive lacks. A run continues from here; <c>sources test</c> stops here.
/// </summary>
public sealed record SourceSnapshot(FeedDocument Feed, List<Candidate> Candidates, IArchiveFolder Folder, List<Candidate> Fresh)
{
    /// <param name="load">The source's folder as identity questions need it.</param>
    /// <exception cref="FetchException">The feed cannot be fetched.</exception>
    /// <exception cref="FeedParseException">It is not a feed.</exception>
    public static async Task<SourceSnapshot> TakeAsync(Func<SourceConfig, IArchiveFolder> load, string archiveRoot, HttpFetcher fetcher, SourceConfig source,
        DateTimeOffset now, SourceWarnings warnings, CancellationToken cancel)
    {
        var fetched = await fetcher.FetchAsync(source.Url, archiveRoot, cancel);
        return Of(fetched, load, source, now, warnings);
    }

    /// <exception cref="FeedParseException">The fetched body is not a feed.</exception>
    public static SourceSnapshot Of(FetchResult fetched, Func<SourceConfig, IArchiveFolder> load, SourceConfig source, DateTimeOffset now, SourceWarnings warnings)
    {
        var feed = FeedParser.Parse(fetched.Body, new FeedParseOptions { ContentType = fetched.ContentType, BaseUrl = fetched.Url, TimeZone = source.TimeZone });
        warnings.AddRange(feed.Errors);
        var candidates = CandidateSelection.Select(feed, source, now, warnings);
        var folder = load(source);
        var fresh = candidates.Where(c => folder.Find(c.Guid, c.Record.Link, c.Record.Title, c.Record.TimestampMs) is null).ToList();
        return new SourceSnapshot(feed, candidates, folder, fresh);
    }
}
