using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

public class SearchIndexTests
{
    [Fact]
    public void Titles_are_indexed_by_cjk_characters_and_pairs_and_by_lower_cased_words()
    {
        var terms = SearchTokenizer.IndexTerms("香港警方 COVID-19 Ｔｅｓｔ！").ToHashSet();

        Assert.Superset(new HashSet<string> { "香", "港", "警", "方", "香港", "港警", "警方", "covid", "19", "test" }, terms);
        Assert.DoesNotContain("香港警", terms);
        Assert.DoesNotContain("COVID", terms);
    }

    [Fact]
    public void Queries_use_a_lone_cjk_character_as_is_and_longer_cjk_runs_as_pairs()
    {
        Assert.Equal(["港"], SearchTokenizer.QueryTerms("港"));
        Assert.Equal(["香港"], SearchTokenizer.QueryTerms("香港"));
        Assert.Equal(["香港", "港警", "trump"], SearchTokenizer.QueryTerms("香港警 Trump"));
    }

    /// <summary>Reads the built index the way search.js does: meta, the term's shard, the document block.</summary>
    private static List<string> Lookup(TestArchive archive, string term)
    {
        var meta = Payload(archive.ReadSite("search/meta.js"), "meta");
        int shards = meta.GetProperty("shards").GetInt32();
        int perBlock = meta.GetProperty("docsPerBlock").GetInt32();
        var shard = Payload(archive.ReadSite($"search/t{SearchTokenizer.ShardHash(term) % (uint)shards}.js"), "terms");
        if (!shard.TryGetProperty(term, out var list)) return [];
        var titles = new List<string>();
        int document = 0;
        foreach (var delta in list.GetString()!.Split('.'))
        {
            document += Convert.ToInt32(Base36(delta));
            var block = Payload(archive.ReadSite($"search/d{document / perBlock}.js"), "docs");
            titles.Add(block[document % perBlock][0].GetString()!);
        }
        return titles;
    }

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
}
