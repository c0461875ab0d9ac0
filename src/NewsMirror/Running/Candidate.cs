using NewsMirror.Archive;
using NewsMirror.Feeds;

namespace NewsMirror.Running;

/// <summary>A feed item that passed the source's filters, with the title, link and time its file would carry.</summary>
public sealed record Candidate(FeedItem Item, ArticleRecord Record)
{
    public string? Guid => Item.Guid;
}
