using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Selection;

/// <summary>
/// Decides, for every item of a feed in document order, whether it becomes a candidate for the archive or why
/// not. Nothing is dropped without a reason: filtered items, items with no web address (link, else a guid that
/// is an http(s) URL), items with neither title nor body text, and repeats of an earlier item (by the archive's
/// identity rule) each get one. An item without a title is archived under one made from its body text.
/// </summary>
public static class CandidateSelection
{
    /// <summary>The candidates to archive; every other item is named in <paramref name="warnings"/> with its reason.</summary>
    public static List<Candidate> Select(FeedDocument feed, SourceConfig source, DateTimeOffset fetchedAt, SourceWarnings warnings)
    {
        var candidates = new List<Candidate>();
        foreach (var verdict in Judge(feed, source, fetchedAt))
        {
            if (verdict.Candidate is { } candidate)
            {
                if (candidate.Item.Published is null) warnings.Add($"no usable date, archived with the fetch time: {verdict.Label}");
                candidates.Add(candidate);
            }
            else warnings.Add(verdict.Warning!);
        }
        return candidates;
    }

    /// <summary>One verdict per item of <paramref name="feed"/>, in document order (also what <c>feed inspect</c> shows).</summary>
    /// <exception cref="ArgumentException">A filter pattern of the source does not compile.</exception>
    public static List<ItemVerdict> Judge(FeedDocument feed, SourceConfig source, DateTimeOffset fetchedAt)
    {
        var filter = ItemFilter.For(source);
        var duplicates = new DocumentDuplicates();
        var verdicts = new List<ItemVerdict>(feed.Items.Count);
        for (var i = 0; i < feed.Items.Count; i++)
            verdicts.Add(JudgeOne(feed.Items[i], i + 1, source, filter, duplicates, fetchedAt));
        return verdicts;
    }

    private static ItemVerdict JudgeOne(FeedItem item, int position, SourceConfig source, ItemFilter filter, DocumentDuplicates duplicates, DateTimeOffset fetchedAt)
    {
        ItemVerdict Skipped(string reason) => new(item, position, null, reason);

        if (filter.Check(item) is { Keep: false } filtered) return Skipped($"filtered out: {filtered.Reason}");
        if (ArticleLink.Of(item, source.Link) is not { } link) return Skipped("without a link (none, nor a guid that is a web address)");
        // Blank as the archive trims titles (JavaScript's white space, U+FEFF included).
        var title = JsWhitespace.Trim(item.Title ?? "").Length == 0 ? TitleFromText.Make(HtmlText.Of(BodySelector.Choose(item, source.Body))) : item.Title;
        if (title is null) return Skipped("without title or body text to make one from");
        var record = ArticleRecord.FromFeed((item.Published ?? fetchedAt).ToUnixTimeMilliseconds(), title, link, "");
        if (duplicates.Check(position, item.Guid, link, record.Title) is { } repeat) return Skipped(repeat);

        // The item carries the link it is archived under, so that its page fetch and relative URLs use it too.
        var archived = source.Link == LinkField.Link && item.Link != link ? item with { Link = link } : item;
        return new ItemVerdict(item, position, new Candidate(archived, record), null);
    }
}
