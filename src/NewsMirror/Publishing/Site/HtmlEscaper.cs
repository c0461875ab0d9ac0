using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>Escaping for text and attribute values written into pages.</summary>
internal static class HtmlEscaper
{
    public static string Escape(string text)
    {
        int first = text.AsSpan().IndexOfAny("&<>\"'");
        if (first < 0) return text;
        var result = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            result.Append(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                var c => c.ToString(),
            });
        }
        return result.ToString();
    }
}
