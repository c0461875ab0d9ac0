using NewsMirror.Feeds.Xml;
using NewsMirror.Identity;
namespace NewsMirror.Feeds;

/// <summary>
/// RSS 0.90–0.94, 2.0 and 1.0 (RDF): one vocabulary with different namespaces, plus the content,
/// Dublin Core and DCMI terms, syndication, iTunes, XHTML body, Media RSS and Atom-in-RSS extensions real feeds mix in.
/// </summary>
internal sealed class RssReader(FeedParseContext context, string format, string rootNamespace = "") : XmlFeedReader(context)
{
    public override string Format { get; } = format;

    /// <summary>
    /// RSS's own elements: no namespace, the RSS 1.0 or 0.90 namespace, or the namespace a feed declared
    /// as the default on its rss root (feedparser reads those as RSS too).
    /// </summary>
    private bool IsCore(LenientElement element) =>
        element.NamespaceUri is "" or FeedNamespaces.Rss10 or FeedNamespaces.Rss090 || element.NamespaceUri == rootNamespace;

    public override bool IsItem(LenientElement element) =>
        IsCore(element, "item") && element.Parent is { } parent &&
        (IsCore(parent, "channel") || IsCore(parent, "rss") || parent.Is(FeedNamespaces.Rdf, "RDF"));

    /// <summary>An RSS element by name, ignoring case as feedparser does (pubdate, Title and PubDate all occur).</summary>
    private bool IsCore(LenientElement element, string localName) =>
        IsCore(element) && element.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase);

    public override FeedItem ReadItem(LenientElement item)
    {
        var title = TitleText.UndoDoubleEscaping(Text(Core(item, "title") ?? item.Element(FeedNamespaces.DublinCore, "title")), Context.Log);
        var guidElement = Core(item, "guid");
        var guid = Text(guidElement) ?? TrimmedText(item.Element(FeedNamespaces.DublinCore, "identifier")) ?? item.Attribute("about");
        var link = ItemLink(item, guidElement);
        var summary = BodyHtml(Core(item, "description"));
        var content = BodyHtml(item.Element(FeedNamespaces.Content, "encoded") ?? item.Element(FeedNamespaces.Xhtml, "body") ?? Core(item, "fullitem"));
        var enclosures = new EnclosureCollector();
        var categories = new CategoryCollector();
        foreach (var child in item.Elements())
        {
            if (IsCore(child, "enclosure"))
                enclosures.Add(child, child.Attribute("url"), child.Attribute("type"), ParseLength(child.Attribute("length")));
            else if (child.Is(FeedNamespaces.Atom, "link") && child.Attribute("rel") == "enclosure")
                enclosures.Add(child, child.Attribute("href"), child.Attribute("type"), ParseLength(child.Attribute("length")));
            else if (IsCore(child, "category"))
                categories.Add(child.InnerText());
            else
                categories.AddExtension(child);
        }
        enclosures.AddMedia(item);
        var (author, authorDetail) = Author(item, ("", "author"), (FeedNamespaces.DublinCore, "creator"), (FeedNamespaces.DublinCore, "author"), (FeedNamespaces.ITunes, "author"));
        return new FeedItem
        {
            Id = ItemIdentity.Create(guid, link, title, content ?? summary),
            Guid = guid,
            Title = title,
            Link = link,
            Published = Context.Date(FirstText(item, ("", "pubDate"), (FeedNamespaces.DublinCore, "date"),
                (FeedNamespaces.DublinCoreTerms, "issued"), (FeedNamespaces.DublinCoreTerms, "created"), (FeedNamespaces.Atom, "published"))),
            Updated = Context.Date(FirstText(item, (FeedNamespaces.Atom, "updated"), (FeedNamespaces.DublinCoreTerms, "modified"))),
            Author = author,
            AuthorDetail = authorDetail,
            Summary = summary,
            Content = content,
            Categories = categories.Terms,
            Enclosures = enclosures.Enclosures,
        };
    }

    public override FeedDocument ReadFeed(LenientElement root, IReadOnlyList<FeedItem> items)
    {
        var channel = Core(root, "channel") ?? root;
        var (feedAuthor, feedAuthorDetail) = Author(channel, ("", "managingEditor"), (FeedNamespaces.DublinCore, "creator"), (FeedNamespaces.DublinCore, "author"),
            (FeedNamespaces.ITunes, "author"), ("", "webMaster"));
        return new FeedDocument
        {
            Format = Format,
            Title = Text(Core(channel, "title") ?? channel.Element(FeedNamespaces.DublinCore, "title")),
            Link = CoreLink(channel) ?? AtomLinks.Alternate(channel, FeedNamespaces.Atom),
            Description = BodyHtml(Core(channel, "description")),
            Language = FirstText(channel, ("", "language"), (FeedNamespaces.DublinCore, "language")) ?? root.Language,
            Updated = Context.Date(FirstText(channel, ("", "lastBuildDate"), ("", "pubDate"), (FeedNamespaces.DublinCore, "date"), (FeedNamespaces.Atom, "updated"),
                (FeedNamespaces.DublinCoreTerms, "modified"))),
            Author = feedAuthor,
            AuthorDetail = feedAuthorDetail,
            UpdatePeriod = UpdatePeriod(channel),
            Items = items,
        };
    }

    private string? ItemLink(LenientElement item, LenientElement? guidElement)
    {
        var link = CoreLink(item)
            ?? AtomLinks.Alternate(item, FeedNamespaces.Atom);
        if (link is not null)
            return link;
        // As feedparser does: a guid that is a permalink (the default) is the item's link.
        var guid = TrimmedText(guidElement);
        if (guid is not null && guidElement!.Attribute("isPermaLink")?.Trim().ToLowerInvariant() != "false" && LinkResolver.IsAbsolute(guid) && guid.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return guid;
        return item.Attribute("about") is { } about && about.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? about : null;
    }

    /// <summary>The text of &lt;link&gt;, or its href when a feed writes it Atom-style without the Atom namespace.</summary>
    private string? CoreLink(LenientElement parent)
    {
        var link = Core(parent, "link");
        return link is null ? null : FeedParseContext.Link(link, link.InnerText()) ?? FeedParseContext.Link(link, link.Attribute("href"));
    }

    /// <summary>RSS 2.0 ttl (minutes), else the syndication module's updatePeriod / updateFrequency.</summary>
    private TimeSpan? UpdatePeriod(LenientElement channel)
    {
        if (int.TryParse(TrimmedText(Core(channel, "ttl")), out var minutes) && minutes > 0)
            return TimeSpan.FromMinutes(minutes);
        var period = TrimmedText(channel.Element(FeedNamespaces.Syndication, "updatePeriod"))?.ToLowerInvariant();
        if (period is null)
            return null;
        var frequency = int.TryParse(TrimmedText(channel.Element(FeedNamespaces.Syndication, "updateFrequency")), out var f) && f > 0 ? f : 1;
        TimeSpan? unit = period switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => null,
        };
        return unit / frequency;
    }

    private LenientElement? Core(LenientElement parent, string localName)
    {
        foreach (var child in parent.Children)
            if (child is LenientElement element && IsCore(element, localName))
                return element;
        return null;
    }

    /// <summary>
    /// The first author element present, as written, with its parts told apart; an Atom person
    /// (atom:author inside RSS) is used when none of them is.
    /// </summary>
    private (string? Text, FeedPerson? Detail) Author(LenientElement parent, params ReadOnlySpan<(string Namespace, string Name)> names)
    {
        if (FirstText(parent, names) is { } text)
            return (text, FeedPerson.FromText(text));
        return AtomPerson.Read(parent.Element(FeedNamespaces.Atom, "author"), FeedNamespaces.Atom);
    }

    private string? FirstText(LenientElement parent, params ReadOnlySpan<(string Namespace, string Name)> names)
    {
        foreach (var (ns, name) in names)
        {
            var element = ns == "" ? Core(parent, name) : parent.Element(ns, name);
            if (TrimmedText(element) is { } text)
                return text;
        }
        return null;
    }
}
