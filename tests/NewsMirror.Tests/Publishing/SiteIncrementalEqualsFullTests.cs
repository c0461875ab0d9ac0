using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

/// <summary>
/// A site brought up to date build by build is the site a single build of the same archive makes: every page and feed
/// byte for byte, and the search index answering every term with the same documents (an updated index keeps its
/// base shards and adds a recent part, so its term files are laid out differently by design).
/// </summary>
public class SiteIncrementalEqualsFullTests
{
    [Fact]
    public void After_new_articles_in_several_sources_and_days_an_incremental_build_equals_a_full_build()
    {
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("乙", "b");
        // 300 old articles over about twelve days, in two sources: several source pages, day pages and index blocks.
        for (int i = 0; i < 300; i++)
            archive.Write(i % 3 == 0 ? "b" : "a", 5000 - i, $"旧闻{i} 香港 story {i}", $"<p>正文{i}，天气 weather {i % 7}。</p>",
                TestArchive.BaseMs - 3_600_000L * i);
        archive.Build();

        // Two rounds of new articles, as two hourly runs: newer than everything, one of them on a new day.
        for (int round = 0; round < 2; round++)
        {
            for (int j = 0; j < 25; j++)
                archive.Write(j % 2 == 0 ? "a" : "b", 4000 - round * 100 - j, $"新闻{round}-{j} 北京 fresh", $"<p>新的正文 {round} {j}。</p>",
                    TestArchive.BaseMs + 3_600_000L * (1 + round * 30) + j * 60_000L);
            archive.Build();
        }

        var full = new TestArchive();
        try
        {
            var fullOptions = archive.Options() with { OutputDirectory = full.Site };
            SiteBuilder.Build(fullOptions);

            var incrementalFiles = SiteFiles(archive.Site);
            var fullFiles = SiteFiles(full.Site);
            Assert.Equal(fullFiles.Where(f => !IsTermFile(f)), incrementalFiles.Where(f => !IsTermFile(f)));
            foreach (var file in fullFiles.Where(f => !IsTermFile(f) && f != "search/meta.js"))
                Assert.True(File.ReadAllBytes(Path.Combine(full.Site, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(archive.Site, file))),
                    $"{file} differs between the incremental and the full build");

            var incrementalTerms = Terms(archive.Site);
            var fullTerms = Terms(full.Site);
            Assert.Equal(fullTerms.Keys.Order(StringComparer.Ordinal), incrementalTerms.Keys.Order(StringComparer.Ordinal));
            foreach (var (term, documents) in fullTerms)
            {
                Assert.Equal(documents.Title, incrementalTerms[term].Title);
                Assert.Equal(documents.Body, incrementalTerms[term].Body);
            }
            Assert.Contains("北京", fullTerms.Keys);
            Assert.Equal(Meta(full.Site).GetProperty("docs").GetInt32(), Meta(archive.Site).GetProperty("docs").GetInt32());
        }
        finally
        {
            full.Dispose();
        }
    }

    private static bool IsTermFile(string file) => Regex.IsMatch(file, @"^search/[tr]\d+\.js$");

    private static List<string> SiteFiles(string site) =>
        Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith(".newsmirror/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static JsonElement Meta(string site) => Payload(File.ReadAllText(Path.Combine(site, "search/meta.js")), "meta");

    /// <summary>Every term of the index with its title and body document lists, base and recent parts joined (search.js does the same).</summary>
    private static Dictionary<string, (List<int> Title, List<int> Body)> Terms(string site)
    {
        var meta = Meta(site);
        var terms = new Dictionary<string, (List<int> Title, List<int> Body)>(StringComparer.Ordinal);
        foreach (var (kind, callback, count) in new[] { ("t", "terms", meta.GetProperty("shards").GetInt32()), ("r", "recent", meta.GetProperty("recentShards").GetInt32()) })
            for (int k = 0; k < count; k++)
                foreach (var entry in Payload(File.ReadAllText(Path.Combine(site, $"search/{kind}{k}.js")), callback).EnumerateObject())
                {
                    var lists = entry.Value.GetString()!.Split('|');
                    if (!terms.TryGetValue(entry.Name, out var documents)) terms[entry.Name] = documents = ([], []);
                    documents.Title.AddRange(Decode(lists[0]));
                    if (lists.Length > 1) documents.Body.AddRange(Decode(lists[1]));
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
