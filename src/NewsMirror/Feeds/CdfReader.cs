using NewsMirror.Feeds.Xml;
using NewsMirror.Identity;

namespace NewsMirror.Feeds;

/// <summary>
/// Microsoft's Channel Definition Format (CDF, 1997): a CHANNEL with TITLE and ABSTRACT holding ITEMs
/// whose address is their HREF attribute and whose time is LASTMOD. Names are matched ignoring case,
/// as the format's own examples mix upper and lower case.
/// </summary>
internal sealed class CdfReader(FeedParseContext context) : XmlFeedReader(context)
{
    public override string Format => "cdf";

    public override bool IsItem(LenientElement element) =>
        Is(element, "item") && element.Parent is { } parent && Is(parent, "channel");

    public override FeedItem ReadItem(LenientElement item)
    {
        var title = TitleText.UndoDoubleEscaping(Text(Child(item, "title")), Context.Log);
        var link = FeedParseContext.Link(item, item.Attribute("href", StringComparison.OrdinalIgnoreCase));
        var summary = BodyHtml(Child(item, "abstract"));
        var updated = Context.Date(item.Attribute("lastmod", StringComparison.OrdinalIgnoreCase));
        return new FeedItem
        {
            Id = ItemIdentity.Create(null, link, title, summary),
            Title = title,
            Link = link,
            Published = updated,
            Updated = updated,
            Summary = summary,
        };
    }

    public override FeedDocument ReadFeed(LenientElement root, IReadOnlyList<FeedItem> items) => new()
    {
        Format = Format,
        Title = Text(Child(root, "title")),
        Link = FeedParseContext.Link(root, root.Attribute("href", StringComparison.OrdinalIgnoreCase)),
        Description = BodyHtml(Child(root, "abstract")),
        Language = root.Language,
        Updated = Context.Date(root.Attribute("lastmod", StringComparison.OrdinalIgnoreCase)),
        Items = items,
    };

    private static bool Is(LenientElement element, string name) =>
        element.NamespaceUri == "" && element.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static LenientElement? Child(LenientElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => Is(e, name));
}
