using System.Globalization;
using System.Text;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// How much of the archived article's text a page still holds: the share of the archived text's character
/// shingles (runs of <see cref="ShingleLength"/> letters or digits, case folded, everything else dropped) that
/// also occur in the page's text. Containment, not resemblance: a page that wraps the article in more text (a
/// summary archived from the feed, a page with new comments) still holds all of it.
/// </summary>
public static class TextContainment
{
    /// <summary>Five characters: long enough that unrelated Chinese or English texts share few runs, short enough to survive small edits.</summary>
    public const int ShingleLength = 5;

    /// <summary>Below this the archived text is too short to judge by (a title-only item): the result is null.</summary>
    public const int MinimumLetters = 20;

    /// <summary>Share of <paramref name="archived"/>'s shingles found in <paramref name="page"/>, 0–1; null when the archived text is too short to tell.</summary>
    public static double? Of(string archived, string page)
    {
        var original = Shingles(archived);
        if (original is null) return null;
        var now = Shingles(page) ?? [];
        var held = original.Count(now.Contains);
        return Math.Round((double)held / original.Count, 3);
    }

    private static HashSet<string>? Shingles(string text)
    {
        var letters = Letters(text);
        if (letters.Length < MinimumLetters) return null;
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleLength <= letters.Length; i++) shingles.Add(letters.Substring(i, ShingleLength));
        return shingles;
    }

    /// <summary>The text's letters and digits, folded (NFKC, lower case): what is left of a text whatever its markup and spacing.</summary>
    internal static string Letters(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var letters = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) letters.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        return letters.ToString();
    }
}
