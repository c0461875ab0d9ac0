using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMirror.Catalog;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing.Site;

/// <summary>
/// The term files hold, for every term, exactly the documents a plain reading of each article finds: its title's terms
/// (<see cref="SiteSearchTerms.IndexTerms(string)"/>) in the title list, its body text's other terms in the body list,
/// each document once, ascending; whether the postings were collected by one worker or several.
/// </summary>
public class SearchPostingsTests
{
    // Traditional and simplified spellings, full-width forms, a character outside the Basic Multilingual Plane, words of
    // one, two and more than 40 letters, entities, a script, a comment, a title word repeated in the body.
    private static readonly string[] Bodies =
    [
        "<p>香港警方宣布 new rules &amp; fines。</p>",
        "<p>香港警方今天宣佈<b>新規</b>，Ｔｅｓｔ！ COVID-19 a hk 𠀀𠀁 中文</p><script>hidden()</script>",
        "<!-- 注释 comment --><p>臺灣 台湾 Café naïve " + new string('x', 41) + " " + new string('y', 40) + "</p>",
        "",
        "<p>天气 weather &notin; &#x80; &lt;tag&gt;</p><style>.x{}</style><p>the end</p>",
        "<p>重复 重复 重复 repeat repeat Repeat REPEAT</p>",
    ];

    private static readonly string[] Titles = ["香港新闻", "Weather report", "臺灣 news", "重复的标题 repeat", "短", "ＡＢＣ 𠀀"];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_term_lists_the_documents_whose_title_or_else_body_holds_it(int workers)
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("乙", "b");
        var articles = new Dictionary<string, string>();
        for (int i = 0; i < 700; i++)
        {
            var title = $"{Titles[i * 7 % Titles.Length]} {i}";
            var body = Bodies[i * 5 % Bodies.Length] + (i % 11 == 0 ? $"<p>{Titles[i % Titles.Length]}</p>" : "");
            archive.Write(i % 2 == 0 ? "a" : "b", 9000 - i, title, body, TestArchive.BaseMs - 60_000L * i);
            articles[title] = body;
        }
        SiteBuilder.Build(archive.Options() with { MaxParallelism = workers });

        var expected = new Dictionary<string, (List<int> Title, List<int> Body)>(StringComparer.Ordinal);
        var titles = DocumentTitles(archive.Site);
        for (int document = 0; document < titles.Count; document++)
        {
            var inTitle = SiteSearchTerms.IndexTerms(titles[document]).ToHashSet(StringComparer.Ordinal);
            foreach (var term in inTitle) Lists(expected, term).Title.Add(document);
            foreach (var term in SiteSearchTerms.IndexTerms(MarkupText.Strip(articles[titles[document]])))
                if (!inTitle.Contains(term)) Lists(expected, term).Body.Add(document);
        }

        var actual = TermFiles(archive.Site);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (term, lists) in expected)
        {
            Assert.Equal(lists.Title, actual[term].Title);
            Assert.Equal(lists.Body, actual[term].Body);
        }
        Assert.Contains("台湾", actual.Keys);
        Assert.Contains("𠀀𠀁", actual.Keys);
        Assert.DoesNotContain(new string('x', 41), actual.Keys);
    }

    private static (List<int> Title, List<int> Body) Lists(Dictionary<string, (List<int>, List<int>)> terms, string term)
    {
        if (!terms.TryGetValue(term, out var lists)) terms[term] = lists = ([], []);
        return lists;
    }

    private static List<string> DocumentTitles(string site)
    {
        var meta = Payload(File.ReadAllText(Path.Combine(site, "search/meta.js")), "meta");
        int blocks = (meta.GetProperty("docs").GetInt32() + meta.GetProperty("docsPerBlock").GetInt32() - 1) / meta.GetProperty("docsPerBlock").GetInt32();
        return Enumerable.Range(0, blocks)
            .SelectMany(k => Payload(File.ReadAllText(Path.Combine(site, $"search/d{k}.js")), "docs").EnumerateArray())
            .Select(entry => entry[0].GetString()!)
            .ToList();
    }

    /// <summary>Every term of the base shards with its lists; also checks each shard holds its terms in ordinal order and only those that hash to it.</summary>
    private static Dictionary<string, (List<int> Title, List<int> Body)> TermFiles(string site)
    {
        var meta = Payload(File.ReadAllText(Path.Combine(site, "search/meta.js")), "meta");
        Assert.Equal(0, meta.GetProperty("recentShards").GetInt32());
        int shards = meta.GetProperty("shards").GetInt32();
        var terms = new Dictionary<string, (List<int> Title, List<int> Body)>(StringComparer.Ordinal);
        for (int k = 0; k < shards; k++)
        {
            var names = new List<string>();
            foreach (var entry in Payload(File.ReadAllText(Path.Combine(site, $"search/t{k}.js")), "terms").EnumerateObject())
            {
                names.Add(entry.Name);
                Assert.Equal((uint)k, SiteSearchTerms.ShardHash(entry.Name) % (uint)shards);
                var lists = entry.Value.GetString()!.Split('|');
                Assert.False(lists.Length > 1 && lists[1].Length == 0, entry.Name);
                terms.Add(entry.Name, (Decode(lists[0]), lists.Length > 1 ? Decode(lists[1]) : []));
            }
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
        }
        return terms;
    }

    private static List<int> Decode(string list)
    {
        int document = 0;
        return list.Length == 0 ? [] : list.Split('.').Select(delta => document += (int)delta.Aggregate(0L, (v, c) => v * 36 + (char.IsAsciiDigit(c) ? c - '0' : c - 'a' + 10))).ToList();
    }

    private static JsonElement Payload(string script, string callback)
    {
        var match = Regex.Match(script, @"^NewsMirrorSearch\." + callback + @"\((?:\d+,)?(?<json>.*)\);\s*$", RegexOptions.Singleline);
        Assert.True(match.Success, script[..Math.Min(80, script.Length)]);
        return JsonDocument.Parse(match.Groups["json"].Value).RootElement;
    }
}
