using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>
/// <c>SingleLineHtml.Of(SafeHtml.Sanitize(body.InnerHtml))</c> for a cleaned body, without serialising and parsing it
/// again where the result is sure to be the same bytes: a tree that reads back unchanged from its own serialisation
/// is sanitised where it is, and its one-line form is taken from the sanitised tree.
/// </summary>
internal static class SanitizedSingleLine
{
    /// <summary>
    /// Elements whose tree may not read back the same from its serialisation (a leading line feed, foster
    /// parenting, quirks-mode tables, the form pointer): a body holding one takes the long way.
    /// </summary>
    private static readonly HashSet<string> Unsteady = new(StringComparer.Ordinal) { "pre", "listing", "textarea", "table", "form" };

    /// <param name="body">The cleaned body, parsed by <see cref="HtmlFragment.Parse"/>.</param>
    /// <param name="unwrappedElements">Whether cleaning moved the content of an element up into its parent: such a tree may not read back the same.</param>
    public static string Of(IElement body, bool unwrappedElements)
    {
        var shape = Shape.Of(body);
        if (unwrappedElements || !shape.SureToReadBack || shape.Styles) return Of(body.InnerHtml);
        SafeHtml.SanitizeInPlace(body, out var removedElements);
        return OneLine(body, removedElements);
    }

    private static string Of(string html)
    {
        using var document = SafeHtml.SanitizeDocument(html, out var removedElements);
        return document.Body is { } body ? OneLine(body, removedElements) : string.Empty;
    }

    private static string OneLine(IElement sanitized, bool removedElements)
    {
        var shape = Shape.Of(sanitized);
        if (!shape.LineFeeds) return SafeHtml.Serialize(sanitized);
        if (removedElements || !shape.SureToReadBack) return SingleLineHtml.Of(SafeHtml.Serialize(sanitized));
        // Reading the serialisation back would join text nodes left side by side (where a comment or element went).
        sanitized.Normalize();
        SingleLineHtml.Flatten(sanitized);
        return sanitized.InnerHtml;
    }

    /// <summary>
    /// What decides the way: whether the serialised body holds a line break; whether its text and structure are sure to
    /// read back unchanged (no carriage return, which parsing turns into a line feed, no element of <see cref="Unsteady"/>,
    /// none of raw text and none outside HTML); whether an element has a <c>style</c> attribute.
    /// </summary>
    private readonly record struct Shape(bool LineFeeds, bool SureToReadBack, bool Styles)
    {
        public static Shape Of(IElement body)
        {
            var (lineFeeds, sure, styles) = (false, true, false);
            for (var node = body.FirstChild; node is not null; node = Next(node, body))
            {
                if (node is IText text) Scan(text.Data, ref lineFeeds, ref sure);
                else if (node is IElement element)
                {
                    if (Unsteady.Contains(element.LocalName) || element.NamespaceUri != NamespaceNames.HtmlUri
                        || element.Flags.HasFlag(NodeFlags.LiteralText)) sure = false;
                    foreach (var attribute in element.Attributes)
                    {
                        if (attribute.Name == "style") styles = true;
                        Scan(attribute.Value, ref lineFeeds, ref sure);
                    }
                }
            }
            return new Shape(lineFeeds, sure, styles);
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
}
