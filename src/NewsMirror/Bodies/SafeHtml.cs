using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace NewsMirror.Bodies;

/// <summary>
/// The allow-list sanitiser of article bodies. Elements outside the list are unwrapped so that their
/// text stays; elements whose content is code or foreign markup are dropped whole beforehand.
/// </summary>
internal static class SafeHtml
{
    /// <summary>Dropped with everything inside: their content is not article text or can carry script.</summary>
    private const string DroppedWhole =
        "script, style, template, object, embed, applet, frame, frameset, noembed, noframes, svg, math, canvas, " +
        "head, title, meta, link, base, input, button, select, textarea, option, optgroup, datalist, keygen, " +
        "output, progress, meter, dialog, portal, param, map, area";

    private static readonly string[] AllowedTags =
    [
        "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "caption", "center",
        "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "ins", "kbd", "li",
        "main", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source",
        "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "src", "srcset", "sizes", "loading", "alt", "title", "width", "height", "id", "class", "lang", "dir",
        "datetime", "cite", "colspan", "rowspan", "headers", "scope", "abbr", "span", "start", "reversed", "type",
        "value", "align", "valign", "style", "rel", "media", "poster", "controls", "preload", "muted", "loop",
        "playsinline", "kind", "srclang", "label", "default", "allowfullscreen", "frameborder", "allow",
        "referrerpolicy", "open", "name",
    ];

    private static readonly HtmlSanitizer Sanitizer = Create();

    // Set when the sanitiser removes or unwraps an element of the body it is working on (it works on the calling thread).
    [ThreadStatic] private static bool _removedElements;

    /// <summary>Drops the code-bearing elements of <paramref name="root"/>, CSS that runs or fetches, and iframes not on an allowed host.</summary>
    public static void DropUnsafeElements(IElement root, IReadOnlyList<string> extraIframeHosts, Uri? baseUrl)
    {
        foreach (var element in root.QuerySelectorAll(DroppedWhole).ToArray()) element.Remove();
        SafeStyle.Clean(root);
        foreach (var iframe in root.QuerySelectorAll("iframe").ToArray())
        {
            if (!IframeHosts.Allows(iframe.GetAttribute("src"), extraIframeHosts, baseUrl)) iframe.Remove();
        }
    }

    /// <summary>URLs are expected resolved already: without a base the sanitiser leaves in-page fragment links alone.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>
    /// The document <see cref="Sanitize"/> serialises, and whether the sanitiser removed or unwrapped elements in it:
    /// a tree changed that way may not read back the same from its own serialisation.
    /// </summary>
    public static IHtmlDocument SanitizeDocument(string html, out bool removedElements)
    {
        _removedElements = false;
        var document = Sanitizer.SanitizeDom(html);
        removedElements = _removedElements;
        return document;
    }

    /// <summary>
    /// Sanitises a parsed body where it is, as <see cref="SanitizeDocument"/> would its serialisation. Only for a body whose
    /// serialisation reads back as the same tree and that has no <c>style</c> attribute: its document parses no CSS.
    /// </summary>
    public static void SanitizeInPlace(IElement body, out bool removedElements)
    {
        _removedElements = false;
        Sanitizer.SanitizeDom((IHtmlDocument)body.Owner!, (IHtmlElement)body);
        removedElements = _removedElements;
    }

    /// <summary>The HTML <see cref="Sanitize"/> returns for a body <see cref="SanitizeDocument"/> sanitised.</summary>
    public static string Serialize(IElement body) => body.ChildNodes.ToHtml(Sanitizer.OutputFormatter);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite", "poster", "action", "formaction", "background", "longdesc", "xlink:href", "data"], StringComparer.OrdinalIgnoreCase),
            UriListAttributes = new HashSet<string>(["srcset"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(HtmlSanitizerDefaults.AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            KeepChildNodes = true,
            // Checked again after the sanitiser's own CSS parsing (SafeStyle drops such declarations first).
            DisallowCssPropertyValue = SafeStyle.Unsafe(),
        };
        sanitizer.RemovingTag += (_, _) => _removedElements = true;
        sanitizer.FilterUrl += (_, e) =>
        {
            // Inline images are content, and an image context runs no script.
            if (e.SanitizedUrl is null && e.Tag.LocalName == "img" && e.OriginalUrl.TrimStart().StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
                e.SanitizedUrl = e.OriginalUrl;
        };
        return sanitizer;
    }
}
