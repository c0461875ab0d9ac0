using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// A short passage of an article around the first place a query term occurs, terms marked <c>**like this**</c>.
/// Terms are found in the normalised text (lower case, simplified), which lines up with the original position
/// for position, and the passage is cut from the original, so the reader sees the article's own spelling.
/// </summary>
public static class SearchSnippet
{
    public const string MarkOpen = "**";
    public const string MarkClose = "**";
    private const int Before = 20;
    private const int Length = 90;

    public static string Make(string text, SearchQuery query)
    {
        if (text.Length == 0) return "";
        var normalized = SearchText.Normalize(text);
        var matches = Matches(normalized, query);
        int start = matches.Count == 0 ? 0 : Math.Max(0, matches.Min(m => m.Start) - Before);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        int end = Math.Min(text.Length, start + Length);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1])) end++;

        var output = new StringBuilder();
        if (start > 0) output.Append('…');
        int at = start;
        foreach (var (matchStart, matchEnd) in matches.Where(m => m.Start >= start && m.End <= end).OrderBy(m => m.Start))
        {
            if (matchStart < at) continue;
            output.Append(text, at, matchStart - at).Append(MarkOpen).Append(text, matchStart, matchEnd - matchStart).Append(MarkClose);
            at = matchEnd;
        }
        output.Append(text, at, end - at);
        if (end < text.Length) output.Append('…');
        return output.ToString();
    }

    /// <summary>Every occurrence of a term; a Latin word only where it stands as a whole word.</summary>
    private static List<(int Start, int End)> Matches(string normalized, SearchQuery query)
    {
        var matches = new List<(int, int)>();
        foreach (var term in query.Terms)
        {
            for (int at = normalized.IndexOf(term.Text, StringComparison.Ordinal); at >= 0;
                 at = normalized.IndexOf(term.Text, at + 1, StringComparison.Ordinal))
            {
                int end = at + term.Text.Length;
                if (!term.IsCjk && (WordAt(normalized, at - 1) || WordAt(normalized, end))) continue;
                matches.Add((at, end));
            }
        }
        return matches;
    }

    private static bool WordAt(string text, int index) =>
        index >= 0 && index < text.Length && Rune.TryGetRuneAt(text, index, out var rune) && SearchText.IsWordCharacter(rune);
}
