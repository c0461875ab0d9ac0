using System.Text;
using NewsMirror.Feeds.Xml;
using NewsMirror.Identity;

namespace NewsMirror.Feeds;

/// <summary>
/// Atom 1.0 and its draft predecessor 0.3 (tagline, issued/modified, content mode="escaped|base64|xml").
/// Text constructs become HTML: text escaped, html as written, xhtml the HTML of the wrapping div's
/// children. <paramref name="atomNamespace"/> is the namespace the feed's elements are in, which for
/// 0.3 feeds may be a variant the readers do not know.
/// </summary>
internal sealed class AtomReader(FeedParseContext context, string atomNamespace, bool isAtom03) : XmlFeedReader(context)
{
    private (string? Text, FeedPerson? Detail) _feedAuthor;
    private bool _feedAuthorRead;
    private LenientElement? _root;

    public override string Format => isAtom03 ? "atom0.3" : "atom1.0";

    public override bool IsItem(LenientElement element) =>
        element.LocalName == "entry" && element.NamespaceUri == atomNamespace && element.Parent?.Parent is null;

    public override FeedItem ReadItem(LenientElement entry)
    {
        _root ??= entry.Parent;
        var title = TitleText.UndoDoubleEscaping(Title(Child(entry, "title")), Context.Log);
        var link = AtomLinks.Alternate(entry, atomNamespace);
        var id = Text(Child(entry, "id"));
        var summary = TextConstruct(Child(entry, "summary"));
        var contentElement = Child(entry, "content");
        var content = contentElement?.Attribute("src") is null ? TextConstruct(contentElement) : null;
        var enclosures = new EnclosureCollector();
        foreach (var enclosure in AtomLinks.WithRel(entry, atomNamespace, "enclosure"))
            enclosures.Add(enclosure, enclosure.Attribute("href"), enclosure.Attribute("type"), ParseLength(enclosure.Attribute("length")));
        enclosures.AddMedia(entry);
        var categories = new CategoryCollector();
        foreach (var child in entry.Elements())
        {
            if (child.Is(atomNamespace, "category"))
                categories.Add(child.Attribute("term") ?? child.Attribute("label") ?? child.InnerText());
            else
                categories.AddExtension(child);
        }
        var updated = Context.Date(FirstText(entry, (atomNamespace, "updated"), (atomNamespace, "modified"), (FeedNamespaces.DublinCoreTerms, "modified")));
        var published = Context.Date(FirstText(entry, (atomNamespace, "published"), (atomNamespace, "issued"), (atomNamespace, "created"),
            (FeedNamespaces.DublinCoreTerms, "issued"), (FeedNamespaces.DublinCoreTerms, "created"), (FeedNamespaces.DublinCore, "date")));
        (string? Text, FeedPerson? Detail) author = AtomPerson.Read(Child(entry, "author"), atomNamespace) is { Text: not null } own ? own
            : AtomPerson.Read(Child(entry, "contributor"), atomNamespace) is { Text: not null } contributor ? contributor
            : FirstText(entry, (FeedNamespaces.DublinCore, "creator"), (FeedNamespaces.DublinCore, "author"), (FeedNamespaces.ITunes, "author")) is { } text ? (text, FeedPerson.FromText(text))
            : FeedAuthor();
        return new FeedItem
        {
            Id = ItemIdentity.Create(id, link, title, content ?? summary),
            Guid = id,
            Title = title,
            Link = link,
            Published = published ?? updated,
            Updated = updated,
            Author = author.Text,
            AuthorDetail = author.Detail,
            Summary = summary,
            Content = content,
            Categories = categories.Terms,
            Enclosures = enclosures.Enclosures,
        };
    }

    public override FeedDocument ReadFeed(LenientElement root, IReadOnlyList<FeedItem> items)
    {
        var author = AtomPerson.Read(Child(root, "author"), atomNamespace);
        return new FeedDocument
        {
            Format = Format,
            Title = Title(Child(root, "title")),
            Link = AtomLinks.Alternate(root, atomNamespace),
            Description = TextConstruct(Child(root, "subtitle") ?? Child(root, "tagline")),
            Language = root.Language,
            Updated = Context.Date(FirstText(root, (atomNamespace, "updated"), (atomNamespace, "modified"), (FeedNamespaces.DublinCoreTerms, "modified"))),
            Author = author.Text,
            AuthorDetail = author.Detail,
            Items = items,
        };
    }

    /// <summary>Entries without an author inherit the feed's (RFC 4287 4.2.1); the feed header precedes entries.</summary>
    private (string? Text, FeedPerson? Detail) FeedAuthor()
    {
        if (!_feedAuthorRead && _root is not null)
        {
            _feedAuthor = AtomPerson.Read(Child(_root, "author"), atomNamespace);
            _feedAuthorRead = true;
        }
        return _feedAuthor;
    }

    private LenientElement? Child(LenientElement parent, string localName) => parent.Element(atomNamespace, localName);

    private static string? FirstText(LenientElement parent, params ReadOnlySpan<(string Namespace, string Name)> names)
    {
        foreach (var (ns, name) in names)
            if (TrimmedText(parent.Element(ns, name)) is { } text)
                return text;
        return null;
    }

    /// <summary>Plain text of a title: html titles lose their tags, xhtml titles keep their text.</summary>
    private string? Title(LenientElement? element)
    {
        if (element is null)
            return null;
        return ContentType(element) switch
        {
            "html" => TitleText.FromHtml(Value(element, "html")),
            "xhtml" => XhtmlDiv(element).InnerText(),
            _ => Value(element, "text"),
        };
    }

    /// <summary>
    /// The HTML of a text construct (summary, content, subtitle): text escaped so nothing in it is markup,
    /// html as written, xhtml the wrapping div's children; relative URLs resolved against xml:base.
    /// </summary>
    private string? TextConstruct(LenientElement? element)
    {
        if (element is null)
            return null;
        var html = ContentType(element) switch
        {
            "xhtml" => InnerMarkup.Html(XhtmlDiv(element)),
            "html" => Value(element, "html"),
            _ => InnerMarkup.Escape(Value(element, "text")),
        };
        return DeclaredBase(html, element);
    }

    /// <summary>
    /// The value of a text or html construct: Atom 0.3 mode="base64" decoded (as UTF-8), otherwise the
    /// decoded text, or for html whose markup was written unescaped the HTML of its children.
    /// </summary>
    private string Value(LenientElement element, string type)
    {
        if (element.Attribute("mode")?.Trim() == "base64")
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(element.InnerText().Trim()));
            }
            catch (FormatException)
            {
                Context.Log.Add("invalid base64 content kept as text");
            }
        }
        return type == "html" ? InnerMarkup.Html(element) : element.InnerText();
    }

    /// <summary>text, html or xhtml, from Atom 1.0 names or Atom 0.3 MIME types.</summary>
    private string ContentType(LenientElement element)
    {
        var type = element.Attribute("type")?.Trim().ToLowerInvariant();
        return type switch
        {
            "html" or "text/html" => "html",
            "xhtml" or "application/xhtml+xml" => "xhtml",
            // Atom 0.3 feeds write escaped HTML with no type (its default, text/plain, was never what they meant).
            null or "" or "text" or "text/plain" when element.Attribute("mode")?.Trim() == "escaped" && isAtom03 => "html",
            // Markup written as elements inside a text construct (Atom 0.3's default mode="xml") is kept as markup.
            _ when element.HasElementChildren => "xhtml",
            _ => "text",
        };
    }

    /// <summary>The wrapping xhtml div whose children are the content (or the element itself when the div is missing).</summary>
    private static LenientElement XhtmlDiv(LenientElement element)
    {
        var div = element.Elements().FirstOrDefault();
        return div is not null && div.LocalName == "div" && div.NamespaceUri is FeedNamespaces.Xhtml or "" ? div : element;
    }
}
