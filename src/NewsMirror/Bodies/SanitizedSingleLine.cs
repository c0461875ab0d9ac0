using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>
/// <c>SingleLineHtml.Of(SafeHtml.Sanitize(html))</c>, taken from the sanitiser's own tree where that is sure to give
/// the same bytes, so that a body with line breaks is not serialised and parsed once more.
/// </summary>
internal static class SanitizedSingleLine
{
    /// <summary>
    /// Elements whose tree may not read back the same from its serialisation (a leading line feed, foster
    /// parenting, raw text): a body holding one takes the long way.
    /// </summary>
    private static readonly HashSet<string> Unsteady = new(StringComparer.Ordinal) { "pre", "listing", "textarea", "table" };

    public static string Of(string html)
    {
        using var document = SafeHtml.SanitizeDocument(html, out var removedElements);
        if (document.Body is not { } body) return string.Empty;
        var (lineFeeds, sureToReadBack) = Inspect(body);
        if (!lineFeeds) return SafeHtml.Serialize(body);
        if (removedElements || !sureToReadBack) return SingleLineHtml.Of(SafeHtml.Serialize(body));
        // Reading the serialisation back would join text nodes the sanitiser left side by side (where it removed a comment).
        body.Normalize();
        SingleLineHtml.Flatten(body);
        return body.InnerHtml;
    }

    /// <summary>
    /// Whether the serialised body would hold a line break, and whether its text and structure are sure to read back
    /// unchanged: no carriage return (parsing turns it into a line feed), no element of <see cref="Unsteady"/>, none
    /// of raw text and none outside HTML.
    /// </summary>
    private static (bool LineFeeds, bool SureToReadBack) Inspect(IElement body)
    {
        var (lineFeeds, sure) = (false, true);
        for (var node = body.FirstChild; node is not null; node = Next(node, body))
        {
            if (node is IText text) Scan(text.Data, ref lineFeeds, ref sure);
            else if (node is IElement element)
            {
                if (Unsteady.Contains(element.LocalName) || element.NamespaceUri != NamespaceNames.HtmlUri
                    || element.Flags.HasFlag(NodeFlags.LiteralText)) sure = false;
                foreach (var attribute in element.Attributes) Scan(attribute.Value, ref lineFeeds, ref sure);
            }
        }
        return (lineFeeds, sure);
    }

    private static void Scan(string value, ref bool lineFeeds, ref bool sure)
    {
        var at = value.AsSpan().IndexOfAny('\n', '\r');
        if (at < 0) return;
        lineFeeds = true;
        if (value.AsSpan(at).Contains('\r')) sure = false;
    }

    /// <summary>The node after <paramref name="node"/> in document order, staying inside <paramref name="root"/>.</summary>
    private static INode? Next(INode node, INode root)
    {
        if (node.FirstChild is { } child) return child;
        for (var current = node; current != root; current = current.Parent!)
        {
            if (current.NextSibling is { } sibling) return sibling;
        }
        return null;
    }
}
