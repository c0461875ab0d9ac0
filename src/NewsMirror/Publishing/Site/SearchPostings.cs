namespace NewsMirror.Publishing.Site;

/// <summary>
/// Document lists per term, built without a string per occurrence: one- and two-character terms (all CJK terms)
/// are keyed by their UTF-16 code units packed into an int. Documents arrive in ascending order, so a repeat of a
/// term within one title is the list's last entry.
/// </summary>
internal sealed class SearchPostings : ISearchTermSink
{
    /// <summary>
    /// Tokenizes the titles in as many slices as there are workers; slices hold ascending document ranges, so joining
    /// their lists in slice order keeps every list ascending.
    /// </summary>
    public static SearchPostings Build(IReadOnlyList<SiteArticle> oldestFirst, int from, int to, int parallelism)
    {
        int count = to - from;
        int slices = Math.Clamp(parallelism, 1, Math.Max(1, count / 1000));
        var parts = new SearchPostings[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var part = parts[slice] = new SearchPostings();
            int end = from + (int)((long)count * (slice + 1) / slices);
            for (int i = from + (int)((long)count * slice / slices); i < end; i++)
            {
                part.Document = i;
                SiteSearchTerms.IndexTerms(oldestFirst[i].Title, ref part);
            }
        });
        for (int slice = 1; slice < slices; slice++) parts[0].Append(parts[slice]);
        return parts[0];
    }

    private readonly Dictionary<uint, List<int>> _short = [];
    private readonly Dictionary<string, List<int>> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

    public SearchPostings() => _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Document { get; set; }
    public long Count { get; private set; }

    public void Term(ReadOnlySpan<char> term)
    {
        List<int>? documents;
        if (term.Length <= 2)
        {
            uint key = term.Length == 1 ? term[0] : (uint)term[0] << 16 | term[1];
            if (!_short.TryGetValue(key, out documents)) _short[key] = documents = [];
        }
        else if (!_wordLookup.TryGetValue(term, out documents))
        {
            _wordLookup[term] = documents = [];
        }
        if (documents.Count > 0 && documents[^1] == Document) return;
        documents.Add(Document);
        Count++;
    }

    /// <summary>Adds the lists of <paramref name="later"/>, whose documents all come after this one's.</summary>
    public void Append(SearchPostings later)
    {
        foreach (var (key, documents) in later._short)
        {
            if (_short.TryGetValue(key, out var mine)) mine.AddRange(documents);
            else _short[key] = documents;
        }
        foreach (var (word, documents) in later._words)
        {
            if (_words.TryGetValue(word, out var mine)) mine.AddRange(documents);
            else _words[word] = documents;
        }
        Count += later.Count;
    }

    /// <summary>The terms grouped by the shard their hash falls in.</summary>
    public List<(string Term, List<int> Documents)>[] Shards(int shardCount)
    {
        var shards = new List<(string Term, List<int> Documents)>[shardCount];
        for (int i = 0; i < shardCount; i++) shards[i] = [];
        foreach (var (term, documents) in Terms())
            shards[SiteSearchTerms.ShardHash(term) % (uint)shardCount].Add((term, documents));
        return shards;
    }

    private IEnumerable<(string Term, List<int> Documents)> Terms()
    {
        foreach (var (key, documents) in _short)
            yield return (key > 0xFFFF ? new string([(char)(key >> 16), (char)(key & 0xFFFF)]) : ((char)key).ToString(), documents);
        foreach (var (word, documents) in _words) yield return (word, documents);
    }
}
