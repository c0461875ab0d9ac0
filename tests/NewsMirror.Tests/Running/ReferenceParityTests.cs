using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// For the eight feed-only outlets, NewsMirror (with cleanup: none) and the reference script's behaviour
/// leave the same articles and list pages, file for file, from the same starting archive and feeds, over
/// two runs. The scenario avoids the reference's named faults (late items, same titles, 6-digit ids).
/// </summary>
public class ReferenceParityTests
{
    private static readonly string[] Outlets = ["reuters", "nyt", "voa", "ft", "bbc", "rfi", "dw", "rfa"];

    private static ReferenceScript.Item Item(string folder, int n, string pubDate) => new(
        $" \u3000{folder} 新闻 {n}：“引号” & <b>符号</b> [注]\t",
        $"https://www.example.com/{folder}/新闻 {n}?q=中&x=%e4",
        pubDate,
        $"<div>26/03/2024 - 09:{n:00}</div>\n   <p>第 {n} 段   正文</p>\r\n\t<p>a\rb &nbsp; 🦌</p>\n\n");

    private static RssFixtureItem ToRss(string folder, ReferenceScript.Item item) => folder == "rfa"
        ? new RssFixtureItem(item.Title, "https://ignored.example/", item.PubDate) { Guid = item.Link, ContentEncoded = item.Body, Description = "摘要" }
        : new RssFixtureItem(item.Title, item.Link, item.PubDate) { Description = item.Body };

    private static void Seed(string root, string folder)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, "articles", folder)).FullName;
        File.WriteAllText(Path.Combine(directory, "1040001.md"), $"<!--1711000000000-->\n[旧文 {folder}](https://www.example.com/{folder}/old1)\n------\n\n<p>旧</p>\n");
        File.WriteAllText(Path.Combine(directory, "1040000.md"), $"<!--1711100000000-->\n[较新 {folder}](https://www.example.com/{folder}/old2)\n------\n\n<p>新</p>\n");
    }

    [Fact]
    public async Task Articles_and_lists_match_the_reference_over_two_runs()
    {
        await using var m = await MirrorFixture.StartAsync();
        using var reference = new TempFolder();
        foreach (var folder in Outlets)
        {
            Seed(m.Archive.Path, folder);
            Seed(reference.Path, folder);
        }

        var firstFeed = Outlets.ToDictionary(f => f, f => new[]
        {
            Item(f, 3, "Tue, 26 Mar 2024 10:15:01 GMT"),
            Item(f, 2, "Tue, 26 Mar 2024 09:15:01 GMT"),
            Item(f, 1, "Tue, 26 Mar 2024 09:15:01 GMT"),
            Item(f, 4, "Wed, 27 Mar 2024 02:30:00 +0800"),
        });
        var secondFeed = Outlets.ToDictionary(f => f, f => new[]
        {
            Item(f, 6, "Thu, 28 Mar 2024 16:00:00 GMT"),
            Item(f, 5, "Thu, 28 Mar 2024 08:00:00 GMT"),
        }.Concat(firstFeed[f]).ToArray());

        foreach (var feeds in new[] { firstFeed, secondFeed })
        {
            foreach (var folder in Outlets)
            {
                m.ServeFeed(folder, feeds[folder].Select(i => ToRss(folder, i)).ToArray());
                ReferenceScript.Run(reference.Path, MirrorFixture.Names[folder], folder, feeds[folder]);
            }
            var run = await m.RunAsync("--only", string.Join(",", Outlets));
            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

            Assert.Equal(Files(reference.Path), Files(m.Archive.Path));
        }
    }

    private static SortedDictionary<string, string> Files(string root) => new(
        new[] { "articles", "lists" }
            .SelectMany(part => Directory.EnumerateFiles(Path.Combine(root, part), "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText),
        StringComparer.Ordinal);
}
