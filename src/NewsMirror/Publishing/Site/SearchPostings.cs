using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site;

/// <summary>The documents a term occurs in: in the title, and in the body but not the title (each ascending).</summary>
internal sealed class TermDocuments
{
    public List<int> Title { get; } = [];
    public List<int> Body { get; } = [];
}

/// <summary>
/// Document lists per term, built without a string per occurrence: one- and two-character terms (all CJK terms)
/// are keyed by their UTF-16 code units packed into an int. Documents arrive in ascending order, so a repeat of a
/// term within one document is the list's last entry. A document found by its title is not listed again for its
/// body: search ranks title hits higher and needs nothing more of the body.
/// </summary>
internal sealed class SearchPostings : ISearchTermSink
{
    /// <summary>
    /// Tokenizes titles and bodies in as many slices as there are workers; slices hold ascending document ranges, so
    /// joining their lists in slice order keeps every list ascending. Bodies are read from the archive again: the
    /// build keeps only headers in memory.
    /// </summary>
    public static SearchPostings Build(SiteContext site, IReadOnlyList<SiteArticle> documents, int from, int to, int parallelism)
    {
        int count = to - from;
        int slices = Math.Clamp(parallelism, 1, Math.Max(1, count / 200));
        var parts = new SearchPostings[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var part = parts[slice] = new SearchPostings();
            int end = from + (int)((long)count * (slice + 1) / slices);
            for (int i = from + (int)((long)count * slice / slices); i < end; i++)
            {
                var article = documents[i];
                part.Document = i;
                part.InBody = false;
                SiteSearchTerms.IndexTerms(article.Title, ref part);
                if (ArticlePage.ReadRecord(site, article) is { } record)
                {
                    part.InBody = true;
                    SiteSearchTerms.IndexTerms(MarkupText.Strip(record.Body), ref part);
                }
            }
        });
        for (int slice = 1; slice < slices; slice++) parts[0].Append(parts[slice]);
        return parts[0];
    }

    private readonly Dictionary<uint, TermDocuments> _short = [];
    private readonly Dictionary<string, TermDocuments> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermDocuments>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

    public SearchPostings() => _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Document { get; set; }

    /// <summary>Whether the terms now fed come from the body (else from the title) of <see cref="Document"/>.</summary>
    public bool InBody { get; set; }

    public long Count { get; private set; }

    public void Term(ReadOnlySpan<char> term)
    {
        TermDocuments? documents;
        if (term.Length <= 2)
        {
            uint key = term.Length == 1 ? term[0] : (uint)term[0] << 16 | term[1];
            if (!_short.TryGetValue(key, out documents)) _short[key] = documents = new TermDocuments();
        }
        else if (!_wordLookup.TryGetValue(term, out documents))
        {
            _wordLookup[term] = documents = new TermDocuments();
        }
        if (documents.Title.Count > 0 && documents.Title[^1] == Document) return;
        var list = InBody ? documents.Body : documents.Title;
        if (list.Count > 0 && list[^1] == Document) return;
        list.Add(Document);
        Count++;
    }

    /// <summary>Adds the lists of <paramref name="later"/>, whose documents all come after this one's.</summary>
    public void Append(SearchPostings later)
    {
        foreach (var (key, documents) in later._short)
        {
            if (_short.TryGetValue(key, out var mine)) Join(mine, documents);
            else _short[key] = documents;
        }
        foreach (var (word, documents) in later._words)
        {
            if (_words.TryGetValue(word, out var mine)) Join(mine, documents);
            else _words[word] = documents;
        }
        Count += later.Count;
    }

    private static void Join(TermDocuments mine, TermDocuments later)
    {
        mine.Title.AddRange(later.Title);
        mine.Body.AddRange(later.Body);
    }

    /// <summary>The terms grouped by the shard their hash falls in.</summary>
    public List<(string Term, TermDocuments Documents)>[] Shards(int shardCount)
    {
        var shards = new List<(string Term, TermDocuments Documents)>[shardCount];
        for (int i = 0; i < shardCount; i++) shards[i] = [];
        foreach (var (term, documents) in Terms())
            shards[SiteSearchTerms.ShardHash(term) % (uint)shardCount].Add((term, documents));
        return shards;
    }

    private IEnumerable<(string Term, TermDocuments Documents)> Terms()
    {
        foreach (var (key, documents) in _short)
            yield return (key > 0xFFFF ? new string([(char)(key >> 16), (char)(key & 0xFFFF)]) : ((char)key).ToString(), documents);
        foreach (var (word, documents) in _words) yield return (word, documents);
    }
}
