using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>Maps the element tree of one XML feed family (RSS or Atom) to feed items and the feed header.</summary>
internal abstract class XmlFeedReader(FeedParseContext context)
{
    protected FeedParseContext Context { get; } = context;

    public abstract string Format { get; }

    /// <summary>Whether a just-completed element is one of the feed's items.</summary>
    public abstract bool IsItem(LenientElement element);

    /// <summary>The item an element holds. Every item is kept, even an empty one: whether it can be archived is for selection to say.</summary>
    public abstract FeedItem ReadItem(LenientElement item);

    /// <summary>The feed header (title, link, ...) from the root, whose items have already been removed.</summary>
    public abstract FeedDocument ReadFeed(LenientElement root, IReadOnlyList<FeedItem> items);

    protected static string? Text(LenientElement? element) => element?.InnerText();

    protected static string? TrimmedText(LenientElement? element) =>
        element?.InnerText().Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The HTML an element holds, its relative URLs resolved against a declared xml:base (see <see cref="DeclaredBase"/>).</summary>
    protected static string? BodyHtml(LenientElement? element) =>
        element is null ? null : DeclaredBase(InnerMarkup.Html(element), element);

    /// <summary>
    /// Resolves a body's relative URLs against the xml:base in effect when the feed declared one. Without one they stay
    /// as written: the feed's own address is often another host (a feed service, a CDN) where "/2024/photo.jpg" does
    /// not exist, so the body stage resolves them against the article's address when it cleans the body, and
    /// <c>cleanup: none</c> keeps the body exactly as the outlet published it (as the old script did).
    /// </summary>
    protected static string? DeclaredBase(string? html, LenientElement element) =>
        element.BaseDeclared ? HtmlBodyUrls.Resolve(html, element.BaseUri) : html;

    protected static long? ParseLength(string? text) =>
        long.TryParse(text?.Trim(), out var length) && length >= 0 ? length : null;
}
