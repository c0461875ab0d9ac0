using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// A feed title as the text of a Markdown link on a list page, written as the reference wrote it wherever that
/// is safe. Titles are hostile input, so a backslash goes before what would break the link or become markup in
/// CommonMark, GitHub's renderer or kramdown: a bracket without its partner (balanced pairs such as
/// <c>[快讯]</c> are valid link text and stay as they are), a pair followed by <c>(</c> or <c>[</c> (a link or
/// reference of its own), a
/// backtick, a <c>&lt;</c> that could open a tag or autolink, kramdown's <c>{:</c>, and a backslash that would
/// otherwise escape what follows it (or the closing bracket).
/// </summary>
public static class MarkdownLinkText
{
    public static string Escape(string title)
    {
        var escaped = CharactersToEscape(title);
        if (escaped.Count == 0) return title;
        var text = new StringBuilder(title.Length + escaped.Count);
        for (var i = 0; i < title.Length; i++)
        {
            if (escaped.Contains(i)) text.Append('\\');
            text.Append(title[i]);
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

    /// <summary>Positions in <paramref name="title"/> that need a backslash before them.</summary>
    private static HashSet<int> CharactersToEscape(string title)
    {
        var escaped = new HashSet<int>();
        var open = new Stack<int>();
        for (var i = 0; i < title.Length; i++)
        {
            var next = i + 1 < title.Length ? title[i + 1] : '\0';
            switch (title[i])
            {
                case '[':
                    open.Push(i);
                    break;
                case ']' when open.Count == 0:
                    escaped.Add(i);
                    break;
                case ']':
                    var partner = open.Pop();
                    // "[a](b)" inside link text is a link of its own, which CommonMark does not nest, and "[a][b]" is read as a
                    // reference: either would break the outer link.
                    if (next is '(' or '[') escaped.UnionWith([partner, i]);
                    break;
                case '`':
                    escaped.Add(i);
                    break;
                case '<' when char.IsAsciiLetter(next) || next is '/' or '!' or '?':
                    escaped.Add(i);
                    break;
                case '{' when next == ':':
                    escaped.Add(i);
                    break;
                case '\\' when next == '\0' || IsAsciiPunctuation(next):
                    escaped.Add(i);
                    break;
            }
        }
        escaped.UnionWith(open);
        return escaped;
    }

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));
}
