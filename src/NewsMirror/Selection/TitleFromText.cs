using System.Globalization;
using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Selection;

/// <summary>
/// A title for an item that has none, made from the start of its body text: the first sentence (its closing
/// full stop dropped) when it is short enough, else the text cut to <see cref="MaxWidth"/> columns (a Chinese,
/// Japanese or Korean character counts two, so about 30 of them or 60 Latin letters) at a word boundary where
/// the text has spaces, then "…".
/// </summary>
public static class TitleFromText
{
    public const int MaxWidth = 60;

    private const string WideSentenceEnds = "。！？．";
    private const string LatinSentenceEnds = ".!?";

    /// <summary>A Latin sentence end counts only after this many columns, so "U.S. officials" is not a sentence.</summary>
    private const int ShortestLatinSentence = 20;

    /// <summary>null when the text holds no letter or digit to make a title from.</summary>
    public static string? Make(string text)
    {
        text = JsWhitespace.Trim(text);
        if (!text.Any(char.IsLetterOrDigit)) return null;
        var elements = TextElements(text);
        var cut = FirstSentenceEnd(elements);
        if (cut > 0 && Width(elements, cut) <= MaxWidth) return string.Concat(elements.Take(cut)).TrimEnd('。', '．', '.');
        if (Width(elements, elements.Count) <= MaxWidth) return text;

        var fits = 0;
        for (var width = 0; fits < elements.Count && (width += Width(elements[fits])) <= MaxWidth - 1; fits++) { }
        // Latin text is cut at the last space that keeps at least half of the room; CJK text at any character.
        var space = elements.FindLastIndex(fits, fits, e => e == " ");
        if (space > fits / 2) fits = space;
        return JsWhitespace.Trim(string.Concat(elements.Take(fits))).TrimEnd(',', '，', '、', ';', '；', ':', '：') + "…";
    }

    /// <summary>The number of text elements up to and including the first sentence end followed by a space or the end; 0 when there is none.</summary>
    private static int FirstSentenceEnd(List<string> elements)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (e.Length != 1) continue;
            if (WideSentenceEnds.Contains(e[0])) return i + 1;
            if (LatinSentenceEnds.Contains(e[0]) && (i + 1 == elements.Count || elements[i + 1] == " ") && Width(elements, i + 1) >= ShortestLatinSentence)
                return i + 1;
        }
        return 0;
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext()) elements.Add((string)enumerator.Current);
        return elements;
    }

    private static int Width(List<string> elements, int count) => elements.Take(count).Sum(Width);

    /// <summary>Two columns for East Asian wide characters (CJK ideographs, kana, hangul, full-width forms), one otherwise.</summary>
    private static int Width(string element)
    {
        var rune = Rune.GetRuneAt(element, 0).Value;
        return rune is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1FAFF or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
    }
}
