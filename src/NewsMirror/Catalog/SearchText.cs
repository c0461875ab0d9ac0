using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// Text as the search index sees it. FTS5's unicode61 tokenizer splits at spaces and punctuation, so a run of
/// Chinese would be one long token. Instead the index holds every CJK character as a token of its own (what a
/// one-character query looks up) and, in separate columns, every pair of adjacent CJK characters (a query of
/// two or more characters is a phrase of its pairs: pairs are rare where single characters are in nearly every
/// article, so such queries read short lists). Traditional characters become simplified in both text and query,
/// so either spelling finds the other.
/// </summary>
public static class SearchText
{
    /// <summary>Lower case and simplified, position for position with the input.</summary>
    public static string Normalize(string text) => ChineseVariants.ToSimplified(text.ToLowerInvariant());

    /// <summary>The text to put into the index: normalised, with a space on each side of every CJK character.</summary>
    public static string ForIndex(string text)
    {
        var normalized = Normalize(text);
        var output = new StringBuilder(normalized.Length * 2);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (IsCjk(rune)) output.Append(' ').Append(rune).Append(' ');
            else output.Append(rune);
        }
        return output.ToString();
    }

    /// <summary>Every pair of adjacent CJK characters of the normalised text, in order, space-separated.</summary>
    public static string Pairs(string text)
    {
        var normalized = Normalize(text);
        var output = new StringBuilder(normalized.Length * 3);
        Rune? previous = null;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (!IsCjk(rune)) { previous = null; continue; }
            if (previous is { } first) output.Append(first).Append(rune).Append(' ');
            previous = rune;
        }
        return output.ToString();
    }

    /// <summary>Han ideographs (all blocks), radicals, kana and bopomofo: scripts written without spaces between words.</summary>
    public static bool IsCjk(Rune rune) => rune.Value is
        >= 0x2E80 and <= 0x2FDF or >= 0x3040 and <= 0x30FF or >= 0x3100 and <= 0x312F or >= 0x31A0 and <= 0x31FF or
        >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F;

    /// <summary>A letter or digit the tokenizer keeps inside a word.</summary>
    public static bool IsWordCharacter(Rune rune) => !IsCjk(rune) && Rune.IsLetterOrDigit(rune);
}
