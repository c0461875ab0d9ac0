using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// A feed title as the text of a Markdown link on a list page. Titles are hostile input: an unbalanced
/// bracket, a backtick or a trailing backslash would break the link, and <c>&lt;script&gt;</c> or a kramdown
/// attribute list (<c>{: onclick=…}</c>) would reach a Jekyll site as markup. Those characters get a backslash,
/// which CommonMark and kramdown both read as "this character, literally"; every other title stays byte for
/// byte as the reference wrote it.
/// </summary>
public static class MarkdownLinkText
{
    private const string Escaped = "[]<`{}";

    public static string Escape(string title)
    {
        if (!NeedsEscaping(title)) return title;
        var text = new StringBuilder(title.Length + 8);
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            // A backslash is doubled only where it would otherwise escape what follows (or the closing bracket).
            if (Escaped.Contains(c) || (c == '\\' && (i + 1 == title.Length || IsAsciiPunctuation(title[i + 1]))))
                text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>The inverse of <see cref="Escape"/>: a backslash before ASCII punctuation stands for that character.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var title = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1])) i++;
            title.Append(text[i]);
        }
        return title.ToString();
    }

    private static bool NeedsEscaping(string title) => title.AsSpan().IndexOfAny(Escaped + "\\") >= 0;

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));
}
