using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>
/// Prepares a cleaned body for the archive's one-line format, which splits at line feeds and trims the
/// pieces: done blindly, that glues "word\nword" into "wordword" and flattens &lt;pre&gt;. Line breaks in text
/// become the space a browser shows for them, and inside &lt;pre&gt; they become &lt;br&gt;.
/// </summary>
public static class SingleLineHtml
{
    public static string Of(string html)
    {
        if (html.IndexOf('\n') < 0 && html.IndexOf('\r') < 0) return html;
        var body = HtmlFragment.Parse(html);
        Flatten(body);
        return body.InnerHtml;
    }

    /// <summary>Replaces the line breaks of every text node under <paramref name="body"/> as <see cref="Of"/> does.</summary>
    internal static void Flatten(IElement body)
    {
        foreach (var text in body.Descendants<IText>().ToList())
        {
            // Whitespace between elements is left to the archive's join, which drops it as the reference does.
            if (text.Data.IndexOfAny(['\n', '\r']) < 0 || string.IsNullOrWhiteSpace(text.Data)) continue;
            if (text.ParentElement?.Closest("pre, textarea") is null)
            {
                text.Data = text.Data.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
                continue;
            }
            var lines = text.Data.Replace("\r\n", "\n").Split('\n');
            var parent = text.Parent!;
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) parent.InsertBefore(body.Owner!.CreateElement("br"), text);
                // Leading spaces of a pre line would be trimmed by the archive format; keep them as no-break spaces.
                var line = lines[i];
                var indent = line.Length - line.TrimStart(' ').Length;
                parent.InsertBefore(body.Owner!.CreateTextNode(new string('\u00A0', indent) + line[indent..]), text);
            }
            text.Remove();
        }
    }
}
