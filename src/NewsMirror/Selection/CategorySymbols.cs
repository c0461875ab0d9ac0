namespace NewsMirror.Selection;

/// <summary>The reference script's test for 中国数字时代 categories, reproduced on UTF-16 code units.</summary>
public static class CategorySymbols
{
    /// <summary>
    /// True when <paramref name="category"/> holds U+00A9, U+00AE, a character in U+2000–U+3300, or a high
    /// surrogate D83C–D83E followed by a unit in D000–DFFF (the script's emoji ranges, i.e. U+1F000–U+1FBFF).
    /// </summary>
    public static bool ContainsSymbolOrEmoji(string category)
    {
        for (var i = 0; i < category.Length; i++)
        {
            var c = category[i];
            if (c is '\u00A9' or '\u00AE' || c is >= '\u2000' and <= '\u3300') return true;
            if (c is >= '\uD83C' and <= '\uD83E' && i + 1 < category.Length && category[i + 1] is >= '\uD000' and <= '\uDFFF') return true;
        }
        return false;
    }
}
