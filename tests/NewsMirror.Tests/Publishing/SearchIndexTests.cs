using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

public class SearchIndexTests
{
    [Fact]
    public void Titles_are_indexed_by_cjk_characters_and_pairs_and_by_lower_cased_words()
    {
        var terms = SiteSearchTerms.IndexTerms("香港警方 COVID-19 Ｔｅｓｔ！").ToHashSet();

        Assert.Superset(new HashSet<string> { "香", "港", "警", "方", "香港", "港警", "警方", "covid", "19", "test" }, terms);
        Assert.DoesNotContain("香港警", terms);
        Assert.DoesNotContain("COVID", terms);
    }

    [Fact]
    public void Queries_use_a_lone_cjk_character_as_is_and_longer_cjk_runs_as_pairs()
    {
        Assert.Equal(["港"], SiteSearchTerms.QueryTerms("港"));
        Assert.Equal(["香港"], SiteSearchTerms.QueryTerms("香港"));
        Assert.Equal(["香港", "港警", "trump"], SiteSearchTerms.QueryTerms("香港警 Trump"));
    }

    /// <summary>Reads the built index the way search.js does: meta, the term's base and recent shards, the document blocks.</summary>
    /// <returns>The titles of the documents holding the term in their title or body, in document number order (the order builds first saw them).</returns>
    private static List<string> Lookup(TestArchive archive, string term) =>
        Hits(archive, term).Select(hit => hit.Title).ToList();

    /// <summary>The document block entries (title, page, source, day, excerpt) of a term's hits, and whether the title holds it.</summary>
    private static List<(string Title, bool InTitle, string Excerpt)> Hits(TestArchive archive, string term)
    {
        var meta = Payload(archive.ReadSite("search/meta.js"), "meta");
        int perBlock = meta.GetProperty("docsPerBlock").GetInt32();
        var (title, body) = Documents(archive, "t", "terms", meta.GetProperty("shards").GetInt32(), term);
        int recentShards = meta.GetProperty("recentShards").GetInt32();
        if (recentShards > 0)
        {
            var (recentTitle, recentBody) = Documents(archive, "r", "recent", recentShards, term);
            title.AddRange(recentTitle);
            body.AddRange(recentBody);
        }
        return title.Concat(body).Order().Select(d =>
        {
            var entry = Payload(archive.ReadSite($"search/d{d / perBlock}.js"), "docs")[d % perBlock];
            return (entry[0].GetString()!, title.Contains(d), entry[4].GetString()!);
        }).ToList();
    }

    private static (List<int> Title, List<int> Body) Documents(TestArchive archive, string kind, string callback, int shards, string term)
    {
        var shard = Payload(archive.ReadSite($"search/{kind}{SiteSearchTerms.ShardHash(term) % (uint)shards}.js"), callback);
        if (!shard.TryGetProperty(term, out var entry)) return ([], []);
        var lists = entry.GetString()!.Split('|');
        Assert.InRange(lists.Length, 1, 2);
        return (Decode(lists[0]), lists.Length > 1 ? Decode(lists[1]) : []);
    }

    private static List<int> Decode(string list)
    {
        int document = 0;
        return list.Length == 0 ? [] : list.Split('.').Select(delta => document += Convert.ToInt32(Base36(delta))).ToList();
    }

    private static Dictionary<string, DateTime> IndexWriteTimes(TestArchive archive, string pattern) =>
        Directory.GetFiles(archive.SitePath("search"), pattern).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static long Base36(string digits) => digits.Aggregate(0L, (value, c) => value * 36 + (char.IsAsciiDigit(c) ? c - '0' : c - 'a' + 10));

    private static JsonElement Payload(string script, string callback)
    {
        var match = Regex.Match(script, @"^NewsMirrorSearch\." + callback + @"\((?:\d+,)?(?<json>.*)\);\s*$", RegexOptions.Singleline);
        Assert.True(match.Success, script[..Math.Min(80, script.Length)]);
        return JsonDocument.Parse(match.Groups["json"].Value).RootElement;
    }

    [Fact]
    public void The_built_index_finds_articles_by_a_two_character_word_a_single_character_and_an_english_word()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.Write("a", 10, "香港警方拒认记者证", "<p>x</p>", TestArchive.BaseMs);
        archive.Write("a", 11, "Trump visits Hong Kong", "<p>x</p>", TestArchive.BaseMs - 1000);
        archive.Write("a", 12, "北京天气", "<p>x</p>", TestArchive.BaseMs - 2000);
        for (int i = 0; i < 2500; i++) archive.Write("a", 100 + i, $"填充文章 filler {i}", "", TestArchive.BaseMs - 10_000 - i);

        archive.Build();

        Assert.Equal(["香港警方拒认记者证"], Lookup(archive, "香港"));
        Assert.Equal(["香港警方拒认记者证"], Lookup(archive, "证"));
        Assert.Equal(["Trump visits Hong Kong"], Lookup(archive, "trump"));
        Assert.Empty(Lookup(archive, "上海"));
        Assert.Equal(2500, Lookup(archive, "filler").Count);
        Assert.True(File.Exists(archive.SitePath("search/d2.js")));
    }

    [Fact]
    public void New_articles_go_to_the_recent_index_and_leave_the_base_index_files_untouched()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        for (int i = 0; i < 600; i++) archive.Write("a", 1000 + i, $"旧闻 old story {i}", "", TestArchive.BaseMs - 60_000 - i * 1000L);
        archive.Build();
        var baseFiles = IndexWriteTimes(archive, "t*.js");
        var firstBlocks = IndexWriteTimes(archive, "d[01].js");

        archive.Write("a", 999, "香港新闻 Fresh story", "", TestArchive.BaseMs);
        archive.Build();

        Assert.Equal(baseFiles, IndexWriteTimes(archive, "t*.js"));
        Assert.Equal(firstBlocks, IndexWriteTimes(archive, "d[01].js"));
        Assert.NotEmpty(Directory.GetFiles(archive.SitePath("search"), "r*.js"));
        Assert.Equal(["香港新闻 Fresh story"], Lookup(archive, "香港"));
        Assert.Equal(["香港新闻 Fresh story"], Lookup(archive, "fresh"));
        var story = Lookup(archive, "story");
        Assert.Equal(601, story.Count);
        Assert.All(story.Take(600), title => Assert.StartsWith("旧闻 old story", title));
        Assert.Equal("香港新闻 Fresh story", story[^1]);
    }

    [Fact]
    public void Bodies_are_indexed_apart_from_titles_and_a_document_is_listed_once_per_term()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        var newer = archive.Write("a", 10, "香港新闻", "<p>香港<b>警方</b>宣布 new rules &amp; fines。</p>", TestArchive.BaseMs);
        var older = archive.Write("a", 11, "天气预报", "<p>明天<i>香港</i>有雨。</p><script>hidden()</script>", TestArchive.BaseMs - 1000);
        // Documents are numbered in archive order (the file's time outside git): set it, rather than depend on the
        // two writes falling in the same millisecond.
        File.SetLastWriteTimeUtc(older, DateTime.UnixEpoch.AddMilliseconds(TestArchive.BaseMs));
        File.SetLastWriteTimeUtc(newer, DateTime.UnixEpoch.AddMilliseconds(TestArchive.BaseMs + 1000));

        archive.Build();

        // Markup is not text: tags separate words (as in the catalog's index), entities are decoded, scripts are dropped.
        // Hits come in archive order, the older first.
        Assert.Equal([("天气预报", false, "明天 香港 有雨。"), ("香港新闻", true, "香港 警方 宣布 new rules & fines。")],
            Hits(archive, "香港").Select(h => (h.Title, h.InTitle, h.Excerpt)));
        Assert.Equal([("香港新闻", false)], Hits(archive, "警方").Select(h => (h.Title, h.InTitle)));
        Assert.Equal(["香港新闻"], Lookup(archive, "fines"));
        Assert.Empty(Lookup(archive, "hidden"));
        Assert.Empty(Lookup(archive, "amp"));
    }

    [Fact]
    public void The_stored_excerpt_is_the_start_of_the_body_text_cut_short_and_never_inside_a_surrogate_pair()
    {
        var body = "<p>" + new string('长', SearchExcerpt.MaxLength - 1) + "𠀀" + "尾巴</p>";
        var excerpt = SearchExcerpt.Of(body);

        Assert.Equal(new string('长', SearchExcerpt.MaxLength - 1) + "…", excerpt);
        Assert.Equal("短文", SearchExcerpt.Of("<p>短文</p>"));
    }

    [Fact]
    public void A_word_of_a_new_articles_body_goes_to_the_recent_index_and_an_edited_old_body_rebuilds_the_base()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        for (int i = 0; i < 300; i++) archive.Write("a", 1000 + i, $"旧闻{i}", $"<p>旧的正文 number{i}</p>", TestArchive.BaseMs - 60_000 - i * 1000L);
        archive.Build();
        var baseFiles = IndexWriteTimes(archive, "t*.js");

        archive.Write("a", 999, "新闻", "<p>新的正文提到 quokka。</p>", TestArchive.BaseMs);
        archive.Build();
        Assert.Equal(baseFiles, IndexWriteTimes(archive, "t*.js"));
        Assert.Equal(["新闻"], Lookup(archive, "quokka"));

        // Same title, new body: the base must not keep the old body's terms.
        archive.Write("a", 1299, "旧闻299", "<p>改过的正文 wombat</p>", TestArchive.BaseMs - 60_000 - 299 * 1000L);
        File.SetLastWriteTimeUtc(archive.ArticlePath("a", "1299.md"), DateTime.UtcNow.AddHours(1));
        archive.Build();

        Assert.Equal(["旧闻299"], Lookup(archive, "wombat"));
        Assert.Empty(Lookup(archive, "number299"));
        Assert.Equal(["新闻"], Lookup(archive, "quokka"));
        Assert.Equal(["旧闻299"], Hits(archive, "wombat").Select(h => h.Title));
        Assert.Equal("改过的正文 wombat", Hits(archive, "wombat")[0].Excerpt);
    }

    [Fact]
    public void A_changed_old_title_rebuilds_the_base_index_and_drops_the_recent_one()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        for (int i = 0; i < 50; i++) archive.Write("a", 1000 + i, $"旧闻{i}", "", TestArchive.BaseMs - 60_000 - i * 1000L);
        archive.Build();
        archive.Write("a", 999, "新闻", "", TestArchive.BaseMs);
        archive.Build();
        Assert.NotEmpty(Directory.GetFiles(archive.SitePath("search"), "r*.js"));

        archive.Write("a", 1049, "改名的旧闻", "", TestArchive.BaseMs - 60_000 - 49 * 1000L);
        File.SetLastWriteTimeUtc(archive.ArticlePath("a", "1049.md"), DateTime.UtcNow.AddHours(1));
        archive.Build();

        Assert.Empty(Directory.GetFiles(archive.SitePath("search"), "r*.js"));
        Assert.Equal(["改名的旧闻"], Lookup(archive, "改名"));
        Assert.Equal(["新闻"], Lookup(archive, "新闻"));
        Assert.Equal(50, Lookup(archive, "旧闻").Count);
    }
}
