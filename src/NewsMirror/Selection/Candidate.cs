using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Selection;

/// <summary>A feed item that passed the source's filters, with the title, link and time its file would carry.</summary>
public sealed record Candidate(FeedItem Item, ArticleRecord Record)
{
    public string? Guid => Item.Guid;

    /// <summary>
    /// The item as its source gave it (title and the feed's body field, before cleanup): compared across runs to
    /// notice revisions without fetching pages or running the content stage, and unaffected by cleanup settings.
    /// </summary>
    public string SourceHash(SourceConfig source) => ContentHash.Of(Record.Title, BodySelector.Choose(Item, source.Body));
}
