using System.Text;
using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// Cuts text into the units a reader compares: each CJK character alone (Chinese has no spaces, and a changed character
/// is the unit a reader notices), words of letters and digits whole, runs of white space, and every other character
/// alone (paragraph breaks too). The character classes are the search tokenizer's (<see cref="SearchText"/>), so "a word" means the same on
/// the site's search and in its diffs.
/// </summary>
internal static class DiffTokens
{
    private enum Kind { Cjk, Word, Space, Other }

    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        Kind? currentKind = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var kind = KindOf(rune);
            bool joins = kind == currentKind && kind is Kind.Word or Kind.Space;
            if (!joins && current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
            current.Append(rune.ToString());
            currentKind = kind;
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    private static Kind KindOf(Rune rune)
    {
        if (rune.Value == '\n') return Kind.Other; // a paragraph break: a token of its own
        if (SearchText.IsCjk(rune)) return Kind.Cjk;
        if (SearchText.IsWordCharacter(rune)) return Kind.Word;
        return Rune.IsWhiteSpace(rune) ? Kind.Space : Kind.Other;
    }
}
