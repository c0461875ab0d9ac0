using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// Nothing disappears unexplained: a real run over a corpus of varied feeds (served on loopback) writes an article
/// for every item, or a warning naming the item and why it was skipped — items in = articles written + such warnings.
/// </summary>
public partial class AccountingTests
{
    private static readonly (string File, string Folder)[] Corpus =
    [
        (Path.Combine("Selection", "Fixtures", "every-case.xml"), "every"),
        (Path.Combine("Selection", "Fixtures", "every-case.xml"), "filtered"),
        (Path.Combine("Feeds", "Fixtures", "rss20.xml"), "rss20"),
        (Path.Combine("Feeds", "Fixtures", "atom10.xml"), "atom10"),
        (Path.Combine("Feeds", "Fixtures", "duplicate-guid.xml"), "dupguid"),
        (Path.Combine("Feeds", "Fixtures", "mediarss.xml"), "media"),
        (Path.Combine("Feeds", "Fixtures", "rss10.rdf"), "rss10"),
    ];

    [Fact]
    public async Task Every_item_of_every_feed_is_an_article_or_a_warning_that_names_it()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new TempFolder();
        var yaml = new StringBuilder("sources:\n");
        foreach (var (file, folder) in Corpus)
        {
            server.Serve(folder + ".xml", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file)), "application/xml");
            yaml.Append($"  - name: {folder}\n    folder: {folder}\n    url: {server.Url(folder + ".xml")}\n");
            yaml.Append(folder == "filtered" ? "    exclude:\n      title: 广告\n" : "    cleanup: none\n");
        }
        File.WriteAllText(archive.Combine("newsmirror.yml"), yaml.ToString());

        var result = await CliProcess.RunAsync(archive.Path, "run", "--json", "--log-format", "json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var warnings = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("level").GetString() == "warning")
            .Select(l => (Source: l.GetProperty("source").GetString()!, Message: l.GetProperty("message").GetString()!))
            .ToList();
        foreach (var (file, folder) in Corpus)
        {
            var itemsIn = ItemElement().Count(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));
            var written = Directory.GetFiles(archive.Combine("articles", folder), "*.md").Length;
            var skipped = warnings.Where(w => w.Source == folder && w.Message.StartsWith("skipped", StringComparison.Ordinal)).ToList();
            Assert.All(skipped, w => Assert.Matches(@"^skipped, [^:]+(: [^:]+)?: \S", w.Message));
            Assert.True(itemsIn > 0, folder);
            Assert.True(itemsIn == written + skipped.Count,
                $"{folder}: {itemsIn} items, {written} articles, {skipped.Count} skip warnings: {string.Join(" | ", skipped.Select(s => s.Message))}");
        }

        Assert.Equal(
        [
            "skipped, duplicate of item 1 of the feed (same guid): 第一篇（重复的 guid）",
            "skipped, without title or body text to make one from: https://n.example/story/5",
            "skipped, without a link (none, nor a guid that is a web address): 没有链接",
        ], warnings.Where(w => w.Source == "every" && w.Message.StartsWith("skipped", StringComparison.Ordinal)).Select(w => w.Message));
        Assert.Contains(("filtered", "skipped, filtered out: title matches the exclude rule: 【广告】推广内容"), warnings);
        // Oldest first gets the first id: the six archived items of the document, in time order.
        Assert.Equal(
        [
            "[第一篇](https://n.example/story/1)",
            "[第二篇（与第一篇同链接）](https://n.example/story/1)",
            "[国务院今天发布通知](https://n.example/story/4)",
            "[用 guid 作链接](https://n.example/story/6)",
            "[【广告】推广内容](https://n.example/story/8)",
            "[恶意标记](https://n.example/story/9)",
        ], Enumerable.Range(0, 6).Select(i => File.ReadAllLines(archive.Combine("articles", "every", $"{1048574 - i}.md"))[1]));
        Assert.Equal("<p>正文<a>链接</a></p>闪<p>尾</p>", File.ReadAllLines(archive.Combine("articles", "filtered", "1048570.md"))[4]);
    }

    [GeneratedRegex(@"<(item|entry)[\s>]")]
    private static partial Regex ItemElement();
}
