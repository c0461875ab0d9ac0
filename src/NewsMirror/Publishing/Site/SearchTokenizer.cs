using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>Receives the terms <see cref="SearchTokenizer"/> finds, without a string per term.</summary>
internal interface ISearchTermSink
{
    void Term(ReadOnlySpan<char> term);
}

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
    public static IReadOnlyCollection<string> IndexTerms(string text) => Collect(text, forQuery: false);

    /// <summary>
    /// The terms a query must all match: a lone CJK character stands for itself; a longer CJK run for its pairs (so
    /// "香港警方" matches titles holding 香港, 港警 and 警方); each word for itself.
    /// </summary>
    public static IReadOnlyCollection<string> QueryTerms(string text) => Collect(text, forQuery: true);

    /// <summary>Feeds every index term of <paramref name="text"/> to <paramref name="sink"/>; a term may come more than once.</summary>
    public static void IndexTerms<TSink>(string text, ref TSink sink) where TSink : ISearchTermSink =>
        Scan(text, forQuery: false, ref sink);

    /// <summary>FNV-1a over UTF-16 code units: which shard holds a term (the same function is in search.js).</summary>
    public static uint ShardHash(ReadOnlySpan<char> term)
    {
        uint hash = 2166136261;
        foreach (char c in term)
        {
            hash ^= c;
            hash = unchecked(hash * 16777619);
        }
        return hash;
    }

    private static IReadOnlyCollection<string> Collect(string text, bool forQuery)
    {
        var sink = new OrderedSet();
        Scan(text, forQuery, ref sink);
        return sink.Terms;
    }

    private static void Scan<TSink>(string text, bool forQuery, ref TSink sink) where TSink : ISearchTermSink
    {
        var normal = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        normal = normal.ToLowerInvariant();
        for (int i = 0; i < normal.Length;)
        {
            int start = i;
            if (IsCjk(normal[i]))
            {
                while (i < normal.Length && IsCjk(normal[i])) i++;
                var run = normal.AsSpan(start, i - start);
                if (!forQuery || run.Length == 1)
                    for (int k = 0; k < run.Length; k++) sink.Term(run.Slice(k, 1));
                for (int k = 0; k + 1 < run.Length; k++) sink.Term(run.Slice(k, 2));
            }
            else if (char.IsLetterOrDigit(normal[i]))
            {
                while (i < normal.Length && !IsCjk(normal[i]) && char.IsLetterOrDigit(normal[i])) i++;
                if (i - start <= MaxWordLength) sink.Term(normal.AsSpan(start, i - start));
            }
            else
            {
                i++;
            }
        }
    }

    private struct OrderedSet() : ISearchTermSink
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        public List<string> Terms { get; } = [];

        public void Term(ReadOnlySpan<char> term)
        {
            var text = term.ToString();
            if (_seen.Add(text)) Terms.Add(text);
        }
    }
}
