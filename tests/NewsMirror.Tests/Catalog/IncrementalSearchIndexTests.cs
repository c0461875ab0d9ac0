using NewsMirror.Archive;
using NewsMirror.Catalog;

namespace NewsMirror.Tests.Catalog;

/// <summary>
/// Text indexing within a time budget: newest first, one slice per transaction, continued by the next call; a search
/// on a partial index says how much it covered, and a finished index answers exactly as one built at once.
/// </summary>
public sealed class IncrementalSearchIndexTests : IDisposable
{
    /// <summary>Three slices: a call with no time left indexes its first slice only, 1,000 articles.</summary>
    private const int Articles = 2_500;

    private readonly TestArchive _archive = new();

    public IncrementalSearchIndexTests() => Add(1, Articles);

    public void Dispose() => _archive.Dispose();

    /// <summary>Articles numbered <paramref name="first"/> to <paramref name="last"/>, logged in that order (the archive order).</summary>
    private void Add(int first, int last)
    {
        var entries = new List<NewsMirror.Identity.IdentityLogEntry>();
        for (int n = first; n <= last; n++)
        {
            // Every article holds 经济 and Economy; "number{n}" is its own word, and 第{n} a rarer Chinese term.
            var record = TestArchive.Record($"新闻 {n} Economy", $"https://www.dw.com/zh/a-{n}", 1711442701000 + n * 60_000L,
                $"<p>经济 number{n} 第{n % 7}期 {(n % 3 == 0 ? "香港" : "北京")}</p>");
            _archive.Write("dw", $"{n}.md", ArticleFile.Render(record));
            entries.Add(TestArchive.Entry($"{n}.md", record));
        }
        _archive.Log("dw", entries.ToArray());
    }

    private static SearchResults Search(ArchiveCatalog catalog, string query) => ArchiveSearch.Run(catalog, new SearchRequest(query) { Limit = 50 });

    [Fact]
    public void A_budget_indexes_the_newest_articles_first_and_the_search_says_how_much_it_covered()
    {
        using var catalog = _archive.Open();
        catalog.CatchUpAll();

        Assert.Equal(1_000, CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero));

        var newest = Search(catalog, $"number{Articles}");
        Assert.Equal([$"articles/dw/{Articles}.md"], newest.Hits.Select(h => h.File));
        Assert.Equal(new IndexCoverage(1_000, Articles), newest.Partial);
        Assert.Equal(1_500, newest.Partial!.NotIndexed);
        var oldest = Search(catalog, "number1");
        Assert.Empty(oldest.Hits);
        Assert.Equal(new IndexCoverage(1_000, Articles), oldest.Partial);
        Assert.Equal(1_000, Search(catalog, "经济").Total);
    }

    [Fact]
    public void The_next_call_continues_where_the_last_stopped_and_the_finished_index_is_complete()
    {
        using var catalog = _archive.Open();
        catalog.CatchUpAll();
        CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero);

        Assert.Equal(1_000, CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero));
        Assert.Equal(new IndexCoverage(2_000, Articles), Search(catalog, "经济").Partial);
        Assert.Equal(500, CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero));

        var oldest = Search(catalog, "number1");
        Assert.Equal(["articles/dw/1.md"], oldest.Hits.Select(h => h.File));
        Assert.Null(oldest.Partial);
        Assert.Equal(Articles, Search(catalog, "经济").Total);
        Assert.Equal(0, CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero));
    }

    [Fact]
    public void Articles_added_meanwhile_are_indexed_before_the_older_rest_and_counted()
    {
        using (var catalog = _archive.Open())
        {
            catalog.CatchUpAll();
            CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero);
        }
        // A run adds articles to the archive and its logs while the index is partial.
        Add(Articles + 1, Articles + 50);
        using (var catalog = _archive.Open())
        {
            catalog.CatchUpAll();
            Assert.Equal(new IndexCoverage(1_000, Articles + 50), Search(catalog, "经济").Partial);

            CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero);

            Assert.Equal([$"articles/dw/{Articles + 50}.md"], Search(catalog, $"number{Articles + 50}").Hits.Select(h => h.File));
            // The slice took the 50 new articles and then the 950 newest of the older 1,500 not yet indexed.
            Assert.Equal(["articles/dw/551.md"], Search(catalog, "number551").Hits.Select(h => h.File));
            Assert.Empty(Search(catalog, "number550").Hits);
            Assert.Equal(new IndexCoverage(2_000, Articles + 50), Search(catalog, "经济").Partial);
        }
    }

    [Fact]
    public void An_index_built_in_slices_answers_exactly_as_one_built_at_once()
    {
        string[] queries = ["经济", "香港", "北京 Economy", "第3期", "number77", "新闻"];
        List<(int, bool, bool, string)> Answers(ArchiveCatalog catalog) => queries
            .Select(q => Search(catalog, q))
            .Select(r => (r.Total, r.TotalIsLowerBound, r.RankedByRelevance, string.Join(",", r.Hits.Select(h => h.File + "|" + h.Snippet))))
            .ToList();
        List<(int, bool, bool, string)> atOnce, inSlices;
        using (var catalog = _archive.Open())
        {
            catalog.CatchUpAll();
            CatalogSearchIndex.IndexPending(catalog);
            atOnce = Answers(catalog);
        }
        File.Delete(ArchiveCatalog.PathOf(_archive.Paths));
        using (var catalog = _archive.Open())
        {
            catalog.CatchUpAll();
            while (CatalogSearchIndex.IndexPending(catalog, budget: TimeSpan.Zero) > 0) { }
            inSlices = Answers(catalog);
        }

        Assert.Equal(atOnce, inSlices);
        Assert.All(atOnce, answer => Assert.True(answer.Item1 > 0));
    }
}
