using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Xhtml;
using NewsMirror.Publishing.Site;
using NewsMirror.Urls;

namespace NewsMirror.Publishing.Epub;

/// <summary>
/// An archived body as the flow content of an EPUB content document. The site's sanitizer removes what is unsafe;
/// then the tree is reduced to the elements and attributes valid in EPUB's XHTML, nested as its content models
/// require (a block inside a paragraph makes it a division, a block inside a phrase is unwrapped), because readers
/// and the validator reject what browsers forgive. Images found in the archive's assets go into the book; any other
/// image, and embedded media, become a link or their alternative text, so the book loads nothing from the network.
/// Serialised by AngleSharp's XHTML formatter.
/// </summary>
internal sealed class XhtmlBody(EpubImages images, string articleDirectory)
{
    private enum Kind { Phrase, Paragraph, Block, List, Table, Rule, Image, Media, Drop, Unwrap }

    private static readonly HtmlParser Parser = new();

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.Ordinal)
    {
        ["a"] = Kind.Phrase, ["abbr"] = Kind.Phrase, ["b"] = Kind.Phrase, ["bdi"] = Kind.Phrase, ["br"] = Kind.Phrase,
        ["cite"] = Kind.Phrase, ["code"] = Kind.Phrase, ["del"] = Kind.Phrase, ["dfn"] = Kind.Phrase, ["em"] = Kind.Phrase,
        ["i"] = Kind.Phrase, ["ins"] = Kind.Phrase, ["kbd"] = Kind.Phrase, ["mark"] = Kind.Phrase, ["q"] = Kind.Phrase,
        ["s"] = Kind.Phrase, ["samp"] = Kind.Phrase, ["small"] = Kind.Phrase, ["span"] = Kind.Phrase, ["strong"] = Kind.Phrase,
        ["sub"] = Kind.Phrase, ["sup"] = Kind.Phrase, ["u"] = Kind.Phrase, ["var"] = Kind.Phrase, ["wbr"] = Kind.Phrase,
        ["p"] = Kind.Paragraph, ["h1"] = Kind.Paragraph, ["h2"] = Kind.Paragraph, ["h3"] = Kind.Paragraph, ["h4"] = Kind.Paragraph,
        ["h5"] = Kind.Paragraph, ["h6"] = Kind.Paragraph, ["pre"] = Kind.Paragraph,
        ["div"] = Kind.Block, ["blockquote"] = Kind.Block,
        ["ul"] = Kind.List, ["ol"] = Kind.List, ["table"] = Kind.Table, ["hr"] = Kind.Rule, ["img"] = Kind.Image,
        ["video"] = Kind.Media, ["audio"] = Kind.Media, ["iframe"] = Kind.Media,
        ["script"] = Kind.Drop, ["style"] = Kind.Drop, ["template"] = Kind.Drop, ["noscript"] = Kind.Drop, ["source"] = Kind.Drop,
        ["track"] = Kind.Drop, ["object"] = Kind.Drop, ["embed"] = Kind.Drop, ["svg"] = Kind.Drop, ["math"] = Kind.Drop,
        ["canvas"] = Kind.Drop, ["map"] = Kind.Drop, ["area"] = Kind.Drop,
    };

    /// <summary>Elements whose meaning survives as a simpler one: obsolete, sectioning, and those with strict content models.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["section"] = "div", ["article"] = "div", ["aside"] = "div", ["header"] = "div", ["footer"] = "div", ["main"] = "div",
        ["nav"] = "div", ["address"] = "div", ["figure"] = "div", ["center"] = "div", ["dl"] = "div", ["dd"] = "div",
        ["details"] = "div", ["figcaption"] = "p", ["dt"] = "p", ["summary"] = "p", ["font"] = "span", ["big"] = "span",
        ["tt"] = "code", ["acronym"] = "abbr", ["strike"] = "s", ["time"] = "span", ["bdo"] = "span", ["ruby"] = "span",
        ["rb"] = "span", ["rt"] = "span", ["rp"] = "span", ["rtc"] = "span", ["picture"] = "span", ["label"] = "span",
    };

    public string Convert(string body)
    {
        var sanitized = BodySanitizer.Sanitize(body);
        if (sanitized.Length == 0) return "";
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + sanitized + "</body></html>");
        var root = document.Body!;
        Flow(root, headings: true);
        return string.Concat(root.ChildNodes.Select(n => n.ToHtml(XhtmlMarkupFormatter.Instance)));
    }

    private static string NameOf(IElement e) => Renamed.GetValueOrDefault(e.LocalName, e.LocalName);
    private static Kind KindOf(IElement e) => Kinds.GetValueOrDefault(NameOf(e), Kind.Unwrap);
    private static bool IsBlock(Kind kind) => kind is Kind.Paragraph or Kind.Block or Kind.List or Kind.Table or Kind.Rule;

    /// <summary>Children of an element that holds flow content (body, div, blockquote, li, td, th).</summary>
    private void Flow(IElement parent, bool headings)
    {
        var node = parent.FirstChild;
        while (node is not null)
        {
            var next = node.NextSibling;
            if (node is IElement element)
            {
                switch (KindOf(element))
                {
                    case Kind.Paragraph:
                        // A paragraph holding blocks becomes a division; a heading or pre keeps its name and loses the blocks.
                        if (NameOf(element) == "p" && element.QuerySelectorAll("*").Any(d => IsBlock(KindOf(d))))
                            Flow(Rebuild(element, "div"), headings);
                        else
                            Phrasing(Rebuild(element, headings || NameOf(element) == "pre" ? NameOf(element) : "p"));
                        break;
                    case Kind.Block: Flow(Rebuild(element, NameOf(element)), headings); break;
                    case Kind.List: List(Rebuild(element, NameOf(element))); break;
                    case Kind.Table: Table(Rebuild(element, "table")); break;
                    case Kind.Rule: Rebuild(element, "hr"); break;
                    default: next = Inline(element, next, inLink: false); break;
                }
            }
            else Text(node);
            node = next;
        }
    }

    /// <summary>Children of an element that holds phrasing content only.</summary>
    private void Phrasing(IElement parent, bool inLink = false)
    {
        var node = parent.FirstChild;
        while (node is not null)
        {
            var next = node.NextSibling;
            if (node is IElement element)
            {
                var kind = KindOf(element);
                if (IsBlock(kind))
                {
                    // A block's content joins the phrase; a line break keeps it apart from what follows.
                    if (element.NextSibling is not null) element.After(element.Owner!.CreateElement("br"));
                    next = Unwrap(element) ?? next;
                }
                else next = Inline(element, next, inLink);
            }
            else Text(node);
            node = next;
        }
    }

    /// <summary>A phrasing-level element in any context; returns the node to continue with.</summary>
    private INode? Inline(IElement element, INode? next, bool inLink)
    {
        switch (KindOf(element))
        {
            case Kind.Phrase:
                var name = NameOf(element);
                if (name == "a" && inLink) return Unwrap(element) ?? next;
                var phrase = Rebuild(element, name);
                if (name == "a") Link(phrase);
                Phrasing(phrase, inLink || name == "a");
                return next;
            case Kind.Image:
                Image(element, inLink);
                return next;
            case Kind.Media:
                Media(element, inLink);
                return next;
            case Kind.Drop:
                element.Remove();
                return next;
            default:
                return Unwrap(element) ?? next;
        }
    }

    private void List(IElement list)
    {
        foreach (var child in list.ChildNodes.ToList())
        {
            if (child is IElement { LocalName: "li" } item) Flow(Rebuild(item, "li"), headings: true);
            else if (child is IElement || child.NodeType == NodeType.Text && child.TextContent.Trim().Length > 0)
            {
                var wrapper = list.Owner!.CreateElement("li");
                list.InsertBefore(wrapper, child);
                wrapper.AppendChild(child);
                Flow(wrapper, headings: true);
            }
            else list.RemoveChild(child);
        }
    }

    /// <summary>The parser already gave the table its sections and rows; cells hold flow content (no headings in th).</summary>
    private void Table(IElement table)
    {
        foreach (var child in table.ChildNodes.ToList())
        {
            if (child is IElement { LocalName: "caption" } caption) { table.Prepend(caption); Phrasing(Rebuild(caption, "caption")); }
            else if (child is IElement { LocalName: "thead" or "tbody" or "tfoot" } section) Rows(Rebuild(section, section.LocalName));
            else table.RemoveChild(child);
        }
        if (table.QuerySelector("td, th") is null) table.Remove();
    }

    private void Rows(IElement section)
    {
        foreach (var row in section.ChildNodes.ToList())
        {
            if (row is not IElement { LocalName: "tr" } tr) { section.RemoveChild(row); continue; }
            foreach (var cell in Rebuild(tr, "tr").ChildNodes.ToList())
            {
                if (cell is IElement { LocalName: "td" or "th" } td) Flow(Rebuild(td, td.LocalName), headings: td.LocalName == "td");
                else tr.RemoveChild(cell);
            }
        }
    }

    private static void Text(INode node)
    {
        if (node.NodeType == NodeType.Text) node.TextContent = XmlText.Clean(node.TextContent);
        else node.Parent!.RemoveChild(node);
    }

    /// <summary>A link keeps its address only when it is an absolute web or mail address; other links become their text.</summary>
    private static void Link(IElement link)
    {
        var href = link.GetAttribute("href");
        var serialized = href is null ? null : WhatwgUrl.Serialize(href);
        if (serialized is not null && (HttpUrl.Is(serialized) || serialized.StartsWith("mailto:", StringComparison.Ordinal)))
            link.SetAttribute("href", serialized);
        else
            link.RemoveAttribute("href");
    }

    private void Image(IElement image, bool inLink)
    {
        var alt = XmlText.Clean(image.GetAttribute("alt") ?? "").Trim();
        var source = image.GetAttribute("src") ?? "";
        if (images.Include(source, articleDirectory) is { } href)
        {
            var local = Rebuild(image, "img");
            local.SetAttribute("src", href);
            local.SetAttribute("alt", alt);
            return;
        }
        image.Replace(Replacement(image.Owner!, source, alt.Length > 0 ? alt : "图片", inLink));
    }

    private static void Media(IElement media, bool inLink)
    {
        var source = media.GetAttribute("src") ?? media.QuerySelector("source[src]")?.GetAttribute("src") ?? "";
        var label = media.LocalName switch { "video" => "视频", "audio" => "音频", _ => "嵌入内容" };
        media.Replace(Replacement(media.Owner!, source, label, inLink));
    }

    /// <summary>What stands for a resource the book does not carry: a link to it, or only its label inside a link or when it has no web address.</summary>
    private static INode Replacement(IDocument document, string source, string label, bool inLink)
    {
        var serialized = WhatwgUrl.Serialize(source);
        if (inLink || serialized is null || !HttpUrl.Is(serialized)) return document.CreateTextNode($"［{label}］");
        var link = document.CreateElement("a");
        link.SetAttribute("href", serialized);
        link.TextContent = $"［{label}］";
        return link;
    }

    /// <summary>
    /// The element under <paramref name="name"/> with only the attributes valid for it there; returns the element that now
    /// stands in the tree.
    /// </summary>
    private static IElement Rebuild(IElement element, string name)
    {
        var kept = element.Attributes
            .Select(a => (a.Name, Value: XmlText.Clean(a.Value)))
            .Where(a => Keeps(name, a.Name, a.Value))
            .ToList();
        var target = element;
        if (element.LocalName != name)
        {
            target = element.Owner!.CreateElement(name);
            while (element.FirstChild is { } child) target.AppendChild(child);
            element.Replace(target);
        }
        else
        {
            foreach (var attribute in element.Attributes.ToList()) element.RemoveAttribute(attribute.Name);
        }
        foreach (var (attribute, value) in kept) target.SetAttribute(attribute, value);
        return target;
    }

    private static bool Keeps(string element, string attribute, string value) => (element, attribute) switch
    {
        (_, "title") => true,
        (_, "dir") => value is "ltr" or "rtl" or "auto",
        ("a", "href") => true,
        ("img", "src" or "alt") => true,
        ("img", "width" or "height") => IsNumber(value, 1, 100_000),
        ("td" or "th", "colspan") => IsNumber(value, 1, 1000),
        ("td" or "th", "rowspan") => IsNumber(value, 0, 65534),
        ("ol", "start") => int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool IsNumber(string value, int min, int max) =>
        value.Length is > 0 and < 7 && value.All(char.IsAsciiDigit) && int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= min && n <= max;

    /// <summary>Replaces the element by its children; returns the first of them (null when it had none).</summary>
    private static INode? Unwrap(IElement element)
    {
        var first = element.FirstChild;
        while (element.FirstChild is { } child) element.Before(child);
        element.Remove();
        return first;
    }
}
