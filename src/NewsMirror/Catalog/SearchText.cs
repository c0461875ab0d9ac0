using System.Buffers;
using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// Text as the search index sees it. The index holds every CJK character as a token of its own (what a
/// one-character query looks up) and, in separate columns, every pair of adjacent CJK characters (a query of
/// two or more characters is a phrase of its pairs: pairs are rare where single characters are in nearly every
/// article, so such queries read short lists). Traditional characters become simplified in both text and query,
/// so either spelling finds the other.
/// <para>
/// The text is tokenized here, not by FTS5: what goes into the index is already lower case, simplified, without
/// diacritics, one space between tokens, so the table uses FTS5's <c>ascii</c> tokenizer, which only splits at
/// spaces (non-ASCII bytes are token characters to it). unicode61 did the same splitting and folding per
/// character with table look-ups, about a third of the insert time.
/// </para>
/// </summary>
public static class SearchText
{
    /// <summary>Lower case and simplified, position for position with the input.</summary>
    public static string Normalize(string text) => ChineseVariants.ToSimplified(text.ToLowerInvariant());

    /// <summary>The tokens to put into the index, space-separated: every CJK character alone, words of other scripts whole.</summary>
    public static string ForIndex(string text) => Tokenize(text).Tokens;

    /// <summary>Every pair of adjacent CJK characters of the normalised text, in order, space-separated.</summary>
    public static string Pairs(string text) => Tokenize(text).Pairs;

    /// <summary>Both index forms of a text in one pass: its tokens (<see cref="ForIndex"/>) and its CJK pairs (<see cref="Pairs"/>).</summary>
    public static (string Tokens, string Pairs) Tokenize(string text)
    {
        var table = FoldingTable.Value;
        // At most three output characters per input character: a CJK character, the space after it, the one before.
        var tokens = ArrayPool<char>.Shared.Rent(text.Length * 3 + 1);
        var pairs = ArrayPool<char>.Shared.Rent(text.Length * 3 + 1);
        try
        {
            int t = 0, p = 0;
            bool inWord = false;
            // The previous CJK character (one or two UTF-16 units), while the run of CJK characters goes on.
            char previousHigh = '\0', previousLow = '\0';
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i], low = '\0';
                CharacterKind kind;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var rune = new Rune(c, text[++i]);
                    kind = KindOf(rune);
                    var folded = ChineseVariants.ToSimplified(rune.ToString().ToLowerInvariant());
                    c = folded[0];
                    low = folded.Length > 1 ? folded[1] : '\0';
                }
                else
                {
                    kind = (CharacterKind)table.Kinds[c];
                    c = table.Folded[c];
                }
                switch (kind)
                {
                    case CharacterKind.Cjk:
                        if (t > 0 && tokens[t - 1] != ' ') tokens[t++] = ' ';
                        tokens[t++] = c;
                        if (low != '\0') tokens[t++] = low;
                        tokens[t++] = ' ';
                        inWord = false;
                        if (previousHigh != '\0')
                        {
                            pairs[p++] = previousHigh;
                            if (previousLow != '\0') pairs[p++] = previousLow;
                            pairs[p++] = c;
                            if (low != '\0') pairs[p++] = low;
                            pairs[p++] = ' ';
                        }
                        previousHigh = c;
                        previousLow = low;
                        continue;
                    case CharacterKind.Word:
                        tokens[t++] = c;
                        if (low != '\0') tokens[t++] = low;
                        inWord = true;
                        break;
                    case CharacterKind.Mark:
                        // A combining diacritic: dropped, and the word goes on.
                        break;
                    default:
                        if (inWord) tokens[t++] = ' ';
                        inWord = false;
                        break;
                }
                previousHigh = '\0';
            }
            return (new string(tokens, 0, t), new string(pairs, 0, p));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(pairs);
        }
    }

    /// <summary>Han ideographs (all blocks), radicals, kana and bopomofo: scripts written without spaces between words.</summary>
    public static bool IsCjk(Rune rune) => rune.Value is
        >= 0x2E80 and <= 0x2FDF or >= 0x3040 and <= 0x30FF or >= 0x3100 and <= 0x312F or >= 0x31A0 and <= 0x31FF or
        >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F;

    /// <summary>A letter, digit or combining mark the index keeps inside a word (the mark itself is dropped).</summary>
    public static bool IsWordCharacter(Rune rune) => KindOf(rune) is CharacterKind.Word or CharacterKind.Mark;

    private enum CharacterKind : byte { Separator, Word, Mark, Cjk }

    /// <summary>Letters, numbers and private-use characters make words (as for unicode61); everything else separates them.</summary>
    private static CharacterKind KindOf(Rune rune)
    {
        if (IsCjk(rune)) return CharacterKind.Cjk;
        return Rune.GetUnicodeCategory(rune) switch
        {
            >= System.Globalization.UnicodeCategory.UppercaseLetter and <= System.Globalization.UnicodeCategory.OtherLetter => CharacterKind.Word,
            >= System.Globalization.UnicodeCategory.DecimalDigitNumber and <= System.Globalization.UnicodeCategory.OtherNumber => CharacterKind.Word,
            System.Globalization.UnicodeCategory.PrivateUse => CharacterKind.Word,
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or
                System.Globalization.UnicodeCategory.EnclosingMark => CharacterKind.Mark,
            _ => CharacterKind.Separator,
        };
    }

    /// <summary>For each UTF-16 unit of the Basic Multilingual Plane: its folded form (lower case, simplified, without diacritics) and its kind.</summary>
    private sealed record Folding(char[] Folded, byte[] Kinds);

    private static readonly Lazy<Folding> FoldingTable = new(() =>
    {
        var folded = new char[char.MaxValue + 1];
        var kinds = new byte[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c)) { folded[i] = c; continue; }
            var rune = new Rune(c);
            var kind = KindOf(rune);
            kinds[i] = (byte)kind;
            folded[i] = kind == CharacterKind.Word ? WithoutDiacritics(char.ToLowerInvariant(c)) : c;
        }
        var simplified = ChineseVariants.ToSimplified(new string(folded));
        return new Folding(simplified.ToCharArray(), kinds);
    });

    /// <summary>The base letter of a letter with diacritics (é → e), when it decomposes into one letter and marks.</summary>
    private static char WithoutDiacritics(char c)
    {
        if (c < 0x80) return c;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length < 2 || !char.IsLetter(decomposed[0])) return c;
        for (int i = 1; i < decomposed.Length; i++)
            if (char.GetUnicodeCategory(decomposed[i]) != System.Globalization.UnicodeCategory.NonSpacingMark) return c;
        return decomposed[0];
    }
}
