using NewsMirror.Catalog;

namespace NewsMirror.Tests.Catalog;

/// <summary>Search over titles and bodies in Chinese (either script, any length) and Latin scripts.</summary>
public sealed class SearchTests : IDisposable
{
    private const long March2024 = 1711442701000;
    private const long Day = 86_400_000;

    private readonly TestArchive _archive = new();
    private readonly ArchiveCatalog _catalog;

    public SearchTests()
    {
        _archive.Article("dw", "1048574.md", TestArchive.Record("解碼中國：梵蒂岡艱難的外交處境", "https://www.dw.com/zh/a-1", March2024,
            "<div><i>2024-09-02</i></div><p>天主教<b>香港</b>教區榮休主教陳日君說，北京政府「不可能任命好的主教」。</p>"));
        _archive.Article("rfi", "1048574.md", TestArchive.Record("中国外交部宣布制裁", "https://www.rfi.fr/cn/1", March2024 + Day,
            "<p>声明称，禁止上述人员入境中国内地及香港、澳门特区。</p><script>var 香港 = 1;</script>"));
        _archive.Article("rfi", "1048573.md", TestArchive.Record("拜登谈世界面貌", "https://www.rfi.fr/cn/2", March2024 + 2 * Day,
            "<p>美国总统 Joe Biden 表示，未来两三年发生的事情将决定世界。Trump&nbsp;不同意。</p>"));
        _archive.Article("bbc", "1048574.md", TestArchive.Record("特朗普确诊感染新冠病毒", "https://www.bbc.com/zhongwen/1", March2024 + 3 * Day,
            "<p>美国总统特朗普（Donald Trump）在Twitter上宣布确诊。</p>"));
        _catalog = _archive.Open();
        _catalog.CatchUpAll();
        CatalogSearchIndex.IndexPending(_catalog);
    }

    private List<string> Files(string query, string? source = null, DateTimeOffset? since = null, DateTimeOffset? until = null) =>
        ArchiveSearch.Run(_catalog, new SearchRequest(query) { Source = source, Since = since, Until = until }).Hits.Select(h => h.File).ToList();

    [Fact]
    public void A_single_character_finds_it_in_either_script()
    {
        Assert.Equal(["articles/dw/1048574.md"], Files("碼"));
        Assert.Equal(["articles/dw/1048574.md"], Files("码"));
    }

    [Fact]
    public void Two_characters_match_as_a_phrase_not_as_two_separate_characters()
    {
        Assert.Equal(["articles/dw/1048574.md"], Files("主教"));
        Assert.Empty(Files("教主"));
    }

    [Fact]
    public void A_simplified_query_finds_traditional_text_and_back()
    {
        Assert.Equal(["articles/dw/1048574.md"], Files("梵蒂冈艰难"));
        Assert.Equal(["articles/rfi/1048574.md"], Files("中國外交部"));
    }

    [Fact]
    public void Three_character_words_match_in_either_script()
    {
        Assert.Equal(["articles/dw/1048574.md"], Files("陈日君"));
        Assert.Equal(["articles/dw/1048574.md"], Files("陳日君"));
        Assert.Equal(["articles/bbc/1048574.md"], Files("特朗普"));
        Assert.Empty(Files("君日陈"));
    }

    [Fact]
    public void Words_next_to_full_width_punctuation_are_found()
    {
        // 「不可能任命好的主教」 and 香港、澳门 in the bodies: the quotes and the enumeration comma separate words.
        Assert.Equal(["articles/dw/1048574.md"], Files("不可能"));
        Assert.Equal(["articles/rfi/1048574.md"], Files("澳門"));
        Assert.Equal(["articles/bbc/1048574.md"], Files("Twitter"));
    }

    [Fact]
    public void Mixed_queries_need_every_term_in_either_script()
    {
        Assert.Equal(["articles/bbc/1048574.md"], Files("Donald 特朗普"));
        Assert.Equal(["articles/bbc/1048574.md"], Files("特朗普Trump"));
        Assert.Equal(["articles/dw/1048574.md"], Files("梵蒂岡 主教 香港"));
        Assert.Empty(Files("Donald 梵蒂岡"));
    }

    [Fact]
    public void Latin_words_match_without_their_diacritics_and_back()
    {
        _archive.Article("voa", "1048574.md", TestArchive.Record("Société Générale", "https://www.voachinese.com/1", March2024, "<p>在 Café Müller 见面</p>"));
        _catalog.CatchUp("voa");
        CatalogSearchIndex.IndexPending(_catalog);

        Assert.Equal(["articles/voa/1048574.md"], Files("societe"));
        Assert.Equal(["articles/voa/1048574.md"], Files("CAFE muller"));
        Assert.Equal(["articles/voa/1048574.md"], Files("Généralé"));
    }

    [Fact]
    public void Latin_words_match_whole_and_ignore_case()
    {
        Assert.Equal(["articles/bbc/1048574.md", "articles/rfi/1048573.md"], Files("TRUMP"));
        Assert.Empty(Files("trum"));
        Assert.Equal(["articles/rfi/1048573.md"], Files("biden 世界"));
    }

    [Fact]
    public void Markup_and_scripts_are_not_indexed_but_entities_are_decoded()
    {
        Assert.Empty(Files("var"));
        Assert.Equal(["articles/rfi/1048573.md"], Files("Trump 不同意"));
    }

    [Fact]
    public void A_title_match_ranks_above_a_body_match()
    {
        var hits = Files("特朗普");
        Assert.Equal("articles/bbc/1048574.md", hits[0]);
    }

    [Fact]
    public void Equal_matches_come_newest_first()
    {
        // Both articles hold 香港 once in an equally long body position; ranking must fall back to the date.
        _archive.Article("voa", "1048574.md", TestArchive.Record("甲", "https://www.voachinese.com/1", March2024, "<p>香港</p>"));
        _archive.Article("voa", "1048573.md", TestArchive.Record("乙", "https://www.voachinese.com/2", March2024 + Day, "<p>香港</p>"));
        _catalog.CatchUp("voa");
        CatalogSearchIndex.IndexPending(_catalog);

        var voa = Files("香港", source: "voa");

        Assert.Equal(["articles/voa/1048573.md", "articles/voa/1048574.md"], voa);
    }

    [Fact]
    public void Filters_narrow_by_source_name_or_folder_and_by_date()
    {
        Assert.Equal(["articles/rfi/1048574.md"], Files("香港", source: "法广"));
        Assert.Equal(["articles/rfi/1048574.md"], Files("香港", source: "rfi"));
        var since = DateTimeOffset.FromUnixTimeMilliseconds(March2024 + Day);
        Assert.Equal(["articles/rfi/1048574.md"], Files("香港", since: since));
        Assert.Equal(["articles/dw/1048574.md"], Files("香港", until: since));
    }

    [Fact]
    public void Results_carry_source_title_date_and_a_snippet_in_the_articles_own_spelling()
    {
        var results = ArchiveSearch.Run(_catalog, new SearchRequest("香港 主教"));

        var hit = Assert.Single(results.Hits);
        Assert.Equal(1, results.Total);
        Assert.Equal("德国之声", hit.Source);
        Assert.Equal("dw", hit.Folder);
        Assert.Equal("解碼中國：梵蒂岡艱難的外交處境", hit.Title);
        Assert.Equal(March2024, hit.Published);
        // Cut from the original (traditional) text; tags became spaces; every occurrence of a term is marked.
        Assert.StartsWith("2024-09-02 天**主教** **香港** 教區榮休**主教**陳日君說", hit.Snippet);
    }

    [Fact]
    public void The_limit_caps_the_hits_but_not_the_total()
    {
        var results = ArchiveSearch.Run(_catalog, new SearchRequest("美国") { Limit = 1 });

        Assert.Single(results.Hits);
        Assert.Equal(2, results.Total);
    }

    [Fact]
    public void Beyond_the_rank_window_the_count_is_a_lower_bound_and_the_newest_matches_are_ranked()
    {
        // 香港 is in two articles, archived (caught up) in folder order: dw before rfi.
        var all = ArchiveSearch.Run(_catalog, new SearchRequest("香港"));
        var windowed = ArchiveSearch.Run(_catalog, new SearchRequest("香港") { RankWindow = 1 });

        Assert.Equal(2, all.Total);
        Assert.False(all.TotalIsLowerBound);
        Assert.Equal(1, windowed.Total);
        Assert.True(windowed.TotalIsLowerBound);
        Assert.Equal(["articles/rfi/1048574.md"], windowed.Hits.Select(h => h.File));
        Assert.False(ArchiveSearch.Run(_catalog, new SearchRequest("香港") { RankWindow = 2 }).TotalIsLowerBound);
    }

    [Fact]
    public void Beyond_the_rank_window_title_matches_come_first_then_the_newest()
    {
        // 中国 is in dw's and rfi's titles and, newest of all, in a voa body; a window of two holds rfi and voa.
        _archive.Article("voa", "1048574.md", TestArchive.Record("甲", "https://www.voachinese.com/1", March2024 + 5 * Day, "<p>中國</p>"));
        _catalog.CatchUp("voa");
        CatalogSearchIndex.IndexPending(_catalog);

        var results = ArchiveSearch.Run(_catalog, new SearchRequest("中国") { RankWindow = 2 });

        Assert.False(results.RankedByRelevance);
        Assert.True(results.TotalIsLowerBound);
        Assert.Equal(["articles/rfi/1048574.md", "articles/voa/1048574.md"], results.Hits.Select(h => h.File));
        Assert.True(ArchiveSearch.Run(_catalog, new SearchRequest("中国")).RankedByRelevance);
    }

    [Fact]
    public void Query_syntax_is_plain_text()
    {
        Assert.Empty(Files("\"OR* NEAR("));
        Assert.Equal(["articles/bbc/1048574.md"], Files("(Donald) Trump*"));
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _archive.Dispose();
    }
}
