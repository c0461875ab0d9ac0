using System.Buffers;
using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// The search tokenizer: the one specification of how text becomes search tokens, used by the catalog's index and
/// queries and by the reading site's index (<c>Publishing/Site/SiteSearchTerms.cs</c>); the site's JavaScript twin
/// (<c>Publishing/Site/Assets/search-text.js</c>) implements the same rules for queries typed in the browser, and both
/// are checked against <c>tests/NewsMirror.Tests/Catalog/Fixtures/tokenizer-vectors.json</c>. It lives in the catalog
/// because the catalog owns search text (the variant table, queries, snippets), and the site, a later stage, may call it.
/// <para>The rules, code point by code point:</para>
/// <list type="number">
/// <item>Full-width ASCII forms (U+FF01–FF5E) become ASCII (Ｇ２０ is g20).</item>
/// <item>Han ideographs (all blocks), radicals, kana and bopomofo (<see cref="IsCjk"/>) are CJK: each character is a
/// token of its own, and each two adjacent ones of a run form a pair. Traditional characters become simplified
/// (<see cref="ChineseVariants"/>), so either spelling finds the other.</item>
/// <item>Letters (hangul included: Korean puts spaces between words), numbers and private-use characters make words:
/// lower case, and a letter of the Basic Multilingual Plane that decomposes into one letter and non-spacing marks
/// loses the marks (é is e). Combining marks are dropped and the word goes on.</item>
/// <item>Everything else (spaces, punctuation of any script, symbols, emoji) separates tokens and ends a CJK run.</item>
/// </list>
/// The index holds every CJK character as a token (what a one-character query looks up) and, in separate columns,
/// every pair (a query of two or more characters is a phrase of its pairs: pairs are rare where single characters are
/// in nearly every article, so such queries read short lists).
/// <para>
/// The text is tokenized here, not by FTS5: what goes into the index is already folded, one space between tokens, so
/// the table uses FTS5's <c>ascii</c> tokenizer, which only splits at spaces (non-ASCII bytes are token characters to
/// it). unicode61 did the same splitting and folding per character with table look-ups, about a third of the insert time.
/// </para>
/// </summary>
public static class SearchText
{
    /// <summary>Full-width forms as ASCII, lower case and simplified, position for position with the input.</summary>
    public static string Normalize(string text) => ChineseVariants.ToSimplified(WithoutFullWidth(text).ToLowerInvariant());

    /// <summary>The text with full-width ASCII forms (U+FF01–FF5E) as ASCII; same length.</summary>
    private static string WithoutFullWidth(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E') < 0
            ? text
            : string.Create(text.Length, text, (output, input) =>
            {
                for (int i = 0; i < input.Length; i++) output[i] = FromFullWidth(input[i]);
            });

    private static char FromFullWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

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

    /// <summary>For each UTF-16 unit of the Basic Multilingual Plane: its folded form (ASCII for full width, lower case, simplified, without diacritics) and its kind.</summary>
    private sealed record Folding(char[] Folded, byte[] Kinds);

    private static readonly Lazy<Folding> FoldingTable = new(() =>
    {
        var folded = new char[char.MaxValue + 1];
        var kinds = new byte[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (char.IsSurrogate(c)) { folded[i] = c; continue; }
            c = FromFullWidth(c);
            var kind = KindOf(new Rune(c));
            kinds[i] = (byte)kind;
            // Lower case again after the marks are gone: İ has no lower case of its own, its base letter I has.
            folded[i] = kind == CharacterKind.Word ? char.ToLowerInvariant(WithoutDiacritics(char.ToLowerInvariant(c))) : c;
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
