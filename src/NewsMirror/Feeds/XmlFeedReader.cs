using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>Maps the element tree of one XML feed family (RSS or Atom) to feed items and the feed header.</summary>
internal abstract class XmlFeedReader(FeedParseContext context)
{
    protected FeedParseContext Context { get; } = context;

    public abstract string Format { get; }

    /// <summary>Whether a just-completed element is one of the feed's items.</summary>
    public abstract bool IsItem(XmlElement element);

    /// <summary>The item an element holds, or null when it holds nothing usable.</summary>
    public abstract FeedItem? ReadItem(XmlElement item);

    /// <summary>The feed header (title, link, ...) from the root, whose items have already been removed.</summary>
    public abstract FeedDocument ReadFeed(XmlElement root, IReadOnlyList<FeedItem> items);

    protected static string? Text(XmlElement? element) => element?.InnerText();

    protected static string? TrimmedText(XmlElement? element) =>
        element?.InnerText().Trim() is { Length: > 0 } text ? text : null;

    protected static long? ParseLength(string? text) =>
        long.TryParse(text?.Trim(), out var length) && length >= 0 ? length : null;
}
