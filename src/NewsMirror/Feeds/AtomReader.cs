using System.Text;
using NewsMirror.Feeds.Xml;
using NewsMirror.Identity;

namespace NewsMirror.Feeds;

/// <summary>
/// Atom 1.0 and its draft predecessor 0.3 (tagline, issued/modified, content mode="escaped|base64|xml").
/// Text constructs keep their HTML; xhtml content becomes the HTML of the wrapping div's children.
/// </summary>
internal sealed class AtomReader(FeedParseContext context, string atomNamespace) : XmlFeedReader(context)
{
    private string? _feedAuthor;
    private bool _feedAuthorRead;
    private XmlElement? _root;

    public override string Format => atomNamespace == FeedNamespaces.Atom03 ? "atom0.3" : "atom1.0";

    public override bool IsItem(XmlElement element) =>
        element.LocalName == "entry" && element.NamespaceUri == atomNamespace && element.Parent?.Parent is null;

    public override FeedItem? ReadItem(XmlElement entry)
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
        if (title is null && link is null && summary is null && content is null)
        {
            Context.Log.Add("empty entry skipped");
            return null;
        }
        var updated = Context.Date(TrimmedText(Child(entry, "updated") ?? Child(entry, "modified")));
        var published = Context.Date(TrimmedText(Child(entry, "published") ?? Child(entry, "issued") ?? Child(entry, "created")));
        return new FeedItem
        {
            Id = ItemIdentity.Create(id, link, title, content ?? summary),
            Guid = id,
            Title = title,
            Link = link,
            Published = published ?? updated,
            Updated = updated,
            Author = Person(entry, "author") ?? Person(entry, "contributor") ?? FeedAuthor(),
            Summary = summary,
            Content = content,
            Categories = entry.Elements()
                .Where(e => e.Is(atomNamespace, "category"))
                .Select(e => (e.Attribute("term") ?? e.Attribute("label") ?? e.InnerText()).Trim())
                .Where(c => c.Length > 0)
                .ToList(),
            Enclosures = enclosures.Enclosures,
        };
    }

    public override FeedDocument ReadFeed(XmlElement root, IReadOnlyList<FeedItem> items) => new()
    {
        Format = Format,
        Title = Title(Child(root, "title")),
        Link = AtomLinks.Alternate(root, atomNamespace),
        Description = TextConstruct(Child(root, "subtitle") ?? Child(root, "tagline")),
        Language = root.Language,
        Updated = Context.Date(TrimmedText(Child(root, "updated") ?? Child(root, "modified"))),
        Author = Person(root, "author"),
        Items = items,
    };

    /// <summary>Entries without an author inherit the feed's (RFC 4287 4.2.1); the feed header precedes entries.</summary>
    private string? FeedAuthor()
    {
        if (!_feedAuthorRead && _root is not null)
        {
            _feedAuthor = Person(_root, "author");
            _feedAuthorRead = true;
        }
        return _feedAuthor;
    }

    private XmlElement? Child(XmlElement parent, string localName) => parent.Element(atomNamespace, localName);

    private string? Person(XmlElement parent, string role)
    {
        var person = Child(parent, role);
        if (person is null)
            return null;
        return TrimmedText(Child(person, "name")) ?? TrimmedText(Child(person, "email")) ?? (person.HasElementChildren ? null : TrimmedText(person));
    }

    /// <summary>Plain text of a title: html titles lose their tags, xhtml titles keep their text.</summary>
    private string? Title(XmlElement? element)
    {
        if (element is null)
            return null;
        return ContentType(element) switch
        {
            "html" => TitleText.FromHtml(DecodedValue(element)),
            "xhtml" => XhtmlDiv(element).InnerText(),
            _ => DecodedValue(element),
        };
    }

    /// <summary>The HTML of a text construct (summary, content, subtitle).</summary>
    private string? TextConstruct(XmlElement? element)
    {
        if (element is null)
            return null;
        return ContentType(element) == "xhtml" ? InnerMarkup.Html(XhtmlDiv(element)) : DecodedValue(element);
    }

    /// <summary>Atom 0.3 mode="base64" content is decoded; everything else is the element's HTML as written.</summary>
    private string DecodedValue(XmlElement element)
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
        return InnerMarkup.Html(element);
    }

    /// <summary>text, html or xhtml, from Atom 1.0 names or Atom 0.3 MIME types.</summary>
    private static string ContentType(XmlElement element)
    {
        var type = element.Attribute("type")?.Trim().ToLowerInvariant();
        return type switch
        {
            "html" or "text/html" => "html",
            "xhtml" or "application/xhtml+xml" => "xhtml",
            null or "" or "text" or "text/plain" when element.Attribute("mode")?.Trim() == "escaped" && element.NamespaceUri == FeedNamespaces.Atom03 => "html",
            _ => "text",
        };
    }

    /// <summary>The wrapping xhtml div whose children are the content (or the element itself when the div is missing).</summary>
    private static XmlElement XhtmlDiv(XmlElement element)
    {
        var div = element.Elements().FirstOrDefault();
        return div is not null && div.LocalName == "div" && div.NamespaceUri is FeedNamespaces.Xhtml or "" ? div : element;
    }
}
