using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The documents each term occurs in, laid out as the term files are written: terms grouped by shard and, within a
/// shard, in ordinal order; each term's documents ascending in one flat array (document × 2, plus 1 when the body
/// alone holds the term). Built without a list per term: workers collect (term id, document) postings for their
/// ranges of documents in flat arrays (<see cref="SearchPostingsSlice"/>), their term ids are joined, and one
/// counting sort by term moves every posting to its place; each worker sorts its own postings, into disjoint parts.
/// </summary>
internal sealed class SearchPostings
{
    private readonly string[] _terms;
    private readonly int[] _shardStarts;
    private readonly int[] _termStarts;
    private readonly int[] _documents;

    private SearchPostings(string[] terms, int[] shardStarts, int[] termStarts, int[] documents)
    {
        _terms = terms;
        _shardStarts = shardStarts;
        _termStarts = termStarts;
        _documents = documents;
    }

    /// <summary>How many (term, document) pairs there are.</summary>
    public long Count => _documents.LongLength;

    public int ShardCount => _shardStarts.Length - 1;

    /// <summary>The terms of shard <paramref name="k"/>, in ordinal order, as positions for <see cref="TermAt"/> and <see cref="DocumentsOf"/>.</summary>
    public Range TermsOf(int k) => _shardStarts[k].._shardStarts[k + 1];

    public string TermAt(int position) => _terms[position];

    /// <summary>The documents of the term at <paramref name="position"/>, ascending, each × 2 plus 1 when only its body holds the term.</summary>
    public ReadOnlySpan<int> DocumentsOf(int position) => _documents.AsSpan(_termStarts[position].._termStarts[position + 1]);

    /// <summary>
    /// Tokenizes the titles and bodies of documents <paramref name="from"/> to <paramref name="to"/> (exclusive), one
    /// contiguous range per worker. Bodies are read from the archive again: the build keeps only headers in memory.
    /// </summary>
    /// <param name="shardCount">How many shards the terms go to, given the number of postings.</param>
    public static SearchPostings Build(SiteContext site, IReadOnlyList<SiteArticle> documents, int from, int to, int parallelism, Func<long, int> shardCount)
    {
        int count = to - from;
        int slices = Math.Clamp(parallelism, 1, Math.Max(1, count / 200));
        var parts = new SearchPostingsSlice[slices];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = slices };
        Parallel.For(0, slices, parallel, slice =>
        {
            int start = from + (int)((long)count * slice / slices);
            int end = from + (int)((long)count * (slice + 1) / slices);
            var part = parts[slice] = new SearchPostingsSlice(start, end - start);
            var sink = new SearchPostingsSlice.Sink(part);
            for (int i = start; i < end; i++)
            {
                var article = documents[i];
                part.Begin(i, inBody: false);
                SiteSearchTerms.IndexTerms(article.Title, ref sink);
                if (ArticlePage.ReadRecord(site, article) is { } record)
                {
                    part.Begin(i, inBody: true);
                    SiteSearchTerms.IndexTerms(MarkupText.Strip(record.Body), ref sink);
                }
                part.End();
            }
        });
        return Arrange(parts, shardCount, parallel);
    }

    private static SearchPostings Arrange(SearchPostingsSlice[] parts, Func<long, int> shardCount, ParallelOptions parallel)
    {
        // The first worker's ids become the common ones; the others' terms are looked up (or added) there.
        var common = parts[0].Terms;
        var toCommon = new int[parts.Length][];
        for (int s = 0; s < parts.Length; s++)
        {
            var ids = parts[s].Terms;
            toCommon[s] = new int[ids.Count];
            for (int id = 0; id < ids.Count; id++) toCommon[s][id] = s == 0 ? id : common.IdOf(ids, id);
        }

        long total = parts.Sum(p => p.Count);
        if (total > Array.MaxLength) throw new InvalidOperationException($"the search index would hold {total} postings, more than one array can");
        var (terms, shardStarts, position) = OrderTerms(common, shardCount(total), parallel);
        int termCount = terms.Length;

        // Per worker, its term ids as output positions and how many postings it has of each.
        var counts = new int[parts.Length][];
        Parallel.For(0, parts.Length, parallel, s =>
        {
            var map = toCommon[s];
            for (int id = 0; id < map.Length; id++) map[id] = position[map[id]];
            var mine = counts[s] = new int[termCount];
            foreach (var chunk in parts[s].Chunks())
                foreach (int posting in chunk.Span)
                    mine[map[posting >> 1]]++;
        });

        // Where each term's documents start, and within them where each worker's part starts (the counts become cursors).
        var termStarts = new int[termCount + 1];
        int next = 0;
        for (int t = 0; t < termCount; t++)
        {
            termStarts[t] = next;
            foreach (var mine in counts)
            {
                int n = mine[t];
                mine[t] = next;
                next += n;
            }
        }
        termStarts[termCount] = next;

        var documents = new int[total];
        Parallel.For(0, parts.Length, parallel, s =>
        {
            var part = parts[s];
            var map = toCommon[s];
            var cursor = counts[s];
            var ends = part.DocumentEnds;
            int document = 0;
            long seen = 0;
            foreach (var chunk in part.Chunks())
                foreach (int posting in chunk.Span)
                {
                    while (seen == ends[document]) document++;
                    documents[cursor[map[posting >> 1]]++] = (part.FirstDocument + document) << 1 | (posting & 1);
                    seen++;
                }
            part.Release();
        });
        return new SearchPostings(terms, shardStarts, termStarts, documents);
    }

    /// <summary>The terms by shard, then in ordinal order; where each shard starts; and each term id's place in that order.</summary>
    private static (string[] Terms, int[] ShardStarts, int[] Position) OrderTerms(SearchTermIds ids, int shardCount, ParallelOptions parallel)
    {
        int count = ids.Count;
        var shardOf = new int[count];
        var text = new string[count];
        Parallel.For(0, count, parallel, id =>
        {
            text[id] = ids.TermOf(id);
            shardOf[id] = (int)(SiteSearchTerms.ShardHash(text[id]) % (uint)shardCount);
        });
        var shardStarts = new int[shardCount + 1];
        foreach (int shard in shardOf) shardStarts[shard + 1]++;
        for (int k = 0; k < shardCount; k++) shardStarts[k + 1] += shardStarts[k];

        var terms = new string[count];
        var order = new int[count];
        var fill = shardStarts[..^1];
        for (int id = 0; id < count; id++)
        {
            int at = fill[shardOf[id]]++;
            terms[at] = text[id];
            order[at] = id;
        }
        Parallel.For(0, shardCount, parallel, k =>
            Array.Sort(terms, order, shardStarts[k], shardStarts[k + 1] - shardStarts[k], StringComparer.Ordinal));
        var position = new int[count];
        for (int at = 0; at < count; at++) position[order[at]] = at;
        return (terms, shardStarts, position);
    }
}
