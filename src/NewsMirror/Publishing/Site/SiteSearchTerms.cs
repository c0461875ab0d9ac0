using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site;

/// <summary>Receives the terms <see cref="SiteSearchTerms"/> finds, without a string per term.</summary>
internal interface ISearchTermSink
{
    void Term(ReadOnlySpan<char> term);
}

/// <summary>
/// The terms of the site's search index and of a query, from the search tokenizer (<see cref="SearchText"/>);
/// <c>Assets/search-text.js</c> does the same for queries in the browser. A title is found by each of its tokens (CJK
/// characters and words) and each CJK pair, and so is a body; a query looks up what <see cref="SearchTerm.Keys"/> names, as the
/// catalog does, so words of one or two Chinese characters are found too.
/// </summary>
internal static class SiteSearchTerms
{
    /// <summary>Longer "words" (long numbers, URLs run together) are left out of the index: nobody searches for them.</summary>
    public const int MaxWordLength = 40;

    /// <summary>Changes when the terms of an article change, so an index built by other rules is rebuilt, not extended.</summary>
    public const string Version = "search-text-2";

    /// <summary>Every term a title or body text is found by: each CJK character and pair, each word.</summary>
    public static IReadOnlyCollection<string> IndexTerms(string text)
    {
        var sink = new OrderedSet();
        IndexTerms(text, ref sink);
        return sink.Terms;
    }

    /// <summary>Feeds every index term of <paramref name="text"/> to <paramref name="sink"/>; a term may come more than once.</summary>
    public static void IndexTerms<TSink>(string text, ref TSink sink) where TSink : ISearchTermSink
    {
        var (tokens, pairs) = SearchText.Tokenize(text);
        foreach (var range in tokens.AsSpan().Split(' '))
        {
            var token = tokens.AsSpan(range);
            if (token.Length is > 0 and <= MaxWordLength) sink.Term(token);
        }
        foreach (var range in pairs.AsSpan().Split(' '))
            if (range.End.Value > range.Start.Value) sink.Term(pairs.AsSpan(range));
    }

    /// <summary>
    /// The terms a query must all match, without repeats: a lone CJK character stands for itself; a longer CJK run for
    /// its pairs (so "香港警方" matches titles holding 香港, 港警 and 警方); each word for itself.
    /// </summary>
    public static IReadOnlyCollection<string> QueryTerms(string text)
    {
        var sink = new OrderedSet();
        foreach (var term in SearchQuery.Parse(text).Terms)
            foreach (var key in term.Keys())
                if (key.Length <= MaxWordLength) sink.Term(key);
        return sink.Terms;
    }

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
