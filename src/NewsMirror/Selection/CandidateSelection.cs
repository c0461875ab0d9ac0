using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Feeds;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Selection;

/// <summary>
/// Turns a feed's items into candidates: filtered, bad items skipped with a warning (the reference
/// stopped the whole outlet at such an item), duplicates within the document dropped.
/// </summary>
public static class CandidateSelection
{
    public static List<Candidate> Select(FeedDocument feed, SourceConfig source, DateTimeOffset fetchedAt, SourceWarnings warnings)
    {
        var filter = ItemFilter.For(source);
        var candidates = new List<Candidate>();
        var seenLinks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in feed.Items)
        {
            if (!filter.Check(item).Keep) continue;
            var link = source.Link == LinkField.Guid ? item.Guid ?? item.Link : item.Link;
            var label = item.Title ?? link ?? item.Id;
            if (string.IsNullOrWhiteSpace(link)) { warnings.Add($"skipped item without link: {label}"); continue; }
            if (string.IsNullOrWhiteSpace(item.Title)) { warnings.Add($"skipped item without title: {link}"); continue; }

            var published = item.Published;
            if (published is null) warnings.Add($"no usable date, archived with the fetch time: {label}");
            var record = ArticleRecord.FromFeed((published ?? fetchedAt).ToUnixTimeMilliseconds(), item.Title, link, "");
            if (!seenLinks.Add(LinkKey.Of(record.Link))) continue;
            candidates.Add(new Candidate(item, record));
        }
        return candidates;
    }
}
