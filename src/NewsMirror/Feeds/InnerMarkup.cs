using System.Text;
using NewsMirror.Feeds.Xml;

namespace NewsMirror.Feeds;

/// <summary>
/// The HTML an element holds. Escaped HTML or CDATA decodes to the HTML itself; when a feed puts raw
/// markup inside the element (unescaped HTML in a description, Atom xhtml content) the child elements
/// are written back as HTML: text re-escaped, CDATA as written, XHTML prefixes and namespace
/// declarations dropped, void elements without an end tag.
/// </summary>
internal static class InnerMarkup
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static string Html(LenientElement element)
    {
        if (!element.HasElementChildren)
            return element.InnerText();
        var builder = new StringBuilder();
        AppendChildren(builder, element);
        return builder.ToString();
    }

    /// <summary>Plain text as HTML that shows exactly that text: '&amp;', '&lt;' and '&gt;' escaped.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    private static void AppendChildren(StringBuilder builder, LenientElement element)
    {
        foreach (var child in element.Children)
        {
            switch (child)
            {
                case LenientElement childElement:
                    AppendElement(builder, childElement);
                    break;
                case XmlCData cdata:
                    builder.Append(cdata.Text);
                    break;
                default:
                    AppendEscaped(builder, (string)child);
                    break;
            }
        }
    }

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }
    }

    private static void AppendElement(StringBuilder builder, LenientElement element)
    {
        var name = element.NamespaceUri == FeedNamespaces.Xhtml ? element.LocalName : element.QualifiedName;
        builder.Append('<').Append(name);
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Name == "xmlns" || attribute.Name.StartsWith("xmlns:", StringComparison.Ordinal))
                continue;
            builder.Append(' ').Append(attribute.Name).Append("=\"");
            foreach (var c in attribute.Value)
            {
                _ = c switch
                {
                    '&' => builder.Append("&amp;"),
                    '"' => builder.Append("&quot;"),
                    _ => builder.Append(c),
                };
            }
            builder.Append('"');
        }
        builder.Append('>');
        if (VoidElements.Contains(name) && element.Children.Count == 0)
            return;
        AppendChildren(builder, element);
        builder.Append("</").Append(name).Append('>');
    }
}
