using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Splits titles into search terms; <c>Assets/search.js</c> implements the same rules for queries, and the two must
/// agree. Text is NFKC-normalised and lower-cased. Runs of CJK characters (which have no spaces between words) are
/// indexed by every single character and every adjacent pair, so words of one or two characters are found too;
/// other letters and digits form words.
/// </summary>
internal static class SearchTokenizer
{
    public const int MaxWordLength = 40;

    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uAC00' and <= '\uD7AF');

    /// <summary>Every term a title is found by: each CJK character and pair, each word.</summary>
    public static IEnumerable<string> IndexTerms(string text) => Terms(text, forQuery: false);

    /// <summary>
    /// The terms a query must all match: a lone CJK character stands for itself; a longer CJK run for its pairs (so
    /// "香港警方" matches titles holding 香港, 港警 and 警方); each word for itself.
    /// </summary>
    public static IEnumerable<string> QueryTerms(string text) => Terms(text, forQuery: true);

    private static IEnumerable<string> Terms(string text, bool forQuery)
    {
        var normal = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < normal.Length;)
        {
            int start = i;
            if (IsCjk(normal[i]))
            {
                while (i < normal.Length && IsCjk(normal[i])) i++;
                AddCjkRun(terms, normal.AsSpan(start, i - start), forQuery);
            }
            else if (char.IsLetterOrDigit(normal[i]))
            {
                while (i < normal.Length && !IsCjk(normal[i]) && char.IsLetterOrDigit(normal[i])) i++;
                if (i - start <= MaxWordLength) terms.Add(normal[start..i]);
            }
            else
            {
                i++;
            }
        }
        return terms;
    }

    private static void AddCjkRun(HashSet<string> terms, ReadOnlySpan<char> run, bool forQuery)
    {
        if (!forQuery || run.Length == 1)
            foreach (var c in run) terms.Add(c.ToString());
        for (int i = 0; i + 1 < run.Length; i++) terms.Add(run.Slice(i, 2).ToString());
    }

    /// <summary>FNV-1a over UTF-16 code units: which shard holds a term (the same function is in search.js).</summary>
    public static uint ShardHash(string term)
    {
        uint hash = 2166136261;
        foreach (char c in term)
        {
            hash ^= c;
            hash = unchecked(hash * 16777619);
        }
        return hash;
    }
}
