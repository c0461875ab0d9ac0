using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// The words of an article body without its markup, for the search index. A single forward scan rather than an
/// HTML parser: indexing 10^5 bodies must take seconds, and search only needs the text, not a faithful tree.
/// Tags become a space; comments, scripts and styles are dropped; character references are decoded as a browser
/// decodes them, by AngleSharp's tokenizer and entity table (the ones the body stage parses pages with), so
/// <c>&amp;notin</c>, <c>&amp;#x80;</c> or a legacy <c>&amp;amp</c> without its semicolon read as the reader sees them.
/// </summary>
public static class MarkupText
{
    public static string Strip(string html)
    {
        var output = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf('<', i);
            if (open < 0) { AppendText(output, html.AsSpan(i)); break; }
            AppendText(output, html.AsSpan(i, open - i));
            i = SkipMarkup(html, open);
            output.Append(' ');
        }
        return Collapse(output);
    }

    /// <summary>Index just past the tag, comment or raw-text element starting at <paramref name="open"/>.</summary>
    private static int SkipMarkup(string html, int open)
    {
        if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
        {
            int end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        int close = html.IndexOf('>', open + 1);
        if (close < 0) return html.Length;
        foreach (var raw in new[] { "script", "style" })
        {
            if (!IsStartTag(html, open, raw)) continue;
            int end = html.IndexOf("</" + raw, close, StringComparison.OrdinalIgnoreCase);
            if (end < 0) return html.Length;
            int endClose = html.IndexOf('>', end);
            return endClose < 0 ? html.Length : endClose + 1;
        }
        return close + 1;
    }

    private static bool IsStartTag(string html, int open, string name) =>
        open + 1 + name.Length < html.Length &&
        string.Compare(html, open + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0 &&
        !char.IsAsciiLetterOrDigit(html[open + 1 + name.Length]);

    private static void AppendText(StringBuilder output, ReadOnlySpan<char> text)
    {
        if (text.IndexOf('&') < 0) output.Append(text);
        else output.Append(DecodeReferences(text.ToString()));
    }

    /// <summary>Text between tags (no <c>&lt;</c> in it) with its character references decoded: it tokenizes to character data only.</summary>
    private static string DecodeReferences(string text)
    {
        var decoded = new StringBuilder(text.Length);
        foreach (var token in new TextSource(text).Tokenize(HtmlEntityProvider.Resolver, null))
            if (token.Type == HtmlTokenType.Character) decoded.Append(token.Data);
        return decoded.ToString();
    }

    private static string Collapse(StringBuilder text)
    {
        var output = new StringBuilder(text.Length);
        bool space = false;
        foreach (var chunk in text.GetChunks())
            foreach (char c in chunk.Span)
            {
                if (char.IsWhiteSpace(c)) { space = output.Length > 0; continue; }
                if (space) output.Append(' ');
                space = false;
                output.Append(c);
            }
        return output.ToString();
    }
}
