using Microsoft.Playwright;
using NewsMirror.Publishing.Site;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Site;

/// <summary>
/// Articles archived after the index was built but published before its newest article (an outlet's feed carrying
/// items hours older than another's newest) extend the index: the base term files stay as they were, and search in
/// Chromium still lists the hits newest first, old and new interleaved by publication time.
/// </summary>
[Collection(nameof(SiteBrowserTests))]
public class SearchFirstSeenOrderTests
{
    private const long Hour = 3_600_000L;

    [Fact]
    public async Task Articles_published_before_the_newest_indexed_one_leave_the_base_untouched_and_search_lists_newest_first()
    {
        var chromiumPath = ChromiumLocation.Find() ?? throw new InvalidOperationException(ChromiumLocation.InstallHint);
        using var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("乙", "b");
        // 600 old articles, one an hour: two base document blocks; every tenth holds the searched word.
        var published = new Dictionary<string, long>();
        for (int i = 0; i < 600; i++)
        {
            var title = i % 10 == 0 ? $"旧闻{i} 天气 weather" : $"旧闻{i} 其他";
            archive.Write(i % 2 == 0 ? "a" : "b", 5000 - i, title, $"<p>正文{i}。</p>", TestArchive.BaseMs - Hour * i);
            if (i % 10 == 0) published[title] = TestArchive.BaseMs - Hour * i;
        }
        archive.Build();
        var baseFiles = Snapshot(archive, "t*.js");
        var baseBlocks = Snapshot(archive, "d[01].js");
        Assert.NotEmpty(baseFiles);

        // New articles, each published half an hour after one of the old searched ones: all older than the newest indexed.
        for (int j = 0; j < 25; j++)
        {
            var title = $"新闻{j} 天气 weather";
            long time = TestArchive.BaseMs - Hour * (j * 20 + 5) + Hour / 2;
            archive.Write(j % 2 == 0 ? "a" : "b", 4000 - j, title, $"<p>新的正文{j}。</p>", time);
            published[title] = time;
        }
        archive.Build();

        Assert.Equal(baseFiles, Snapshot(archive, "t*.js"));
        Assert.Equal(baseBlocks, Snapshot(archive, "d[01].js"));
        Assert.NotEmpty(Directory.GetFiles(archive.SitePath("search"), "r*.js"));

        var expected = published.OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
        using var server = SiteServer.Start(archive.Site, 0, "/mirror/");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        var page = await browser.NewPageAsync();
        var first = await SiteBrowserTests.SearchAsync(page, new Uri(server.Url, "search.html").AbsoluteUri, "天气");
        Assert.Equal(expected.Take(20), first);
        Assert.Equal($"找到 {expected.Count} 篇文章", await page.Locator("#search-status").TextContentAsync());
        // "More" continues in the same order until every hit is shown.
        for (int shown = 20; shown < expected.Count; shown += 20)
        {
            await page.ClickAsync("#search-more");
            await page.Locator("#search-results li").Nth(Math.Min(expected.Count, shown + 20) - 1).WaitForAsync();
        }
        Assert.Equal(expected, await page.Locator("#search-results li a").AllTextContentsAsync());
        Assert.True(await page.Locator("#search-more").IsHiddenAsync());
    }

    /// <summary>Each matching index file's bytes and write time.</summary>
    private static Dictionary<string, (string Bytes, DateTime Written)> Snapshot(TestArchive archive, string pattern) =>
        Directory.GetFiles(archive.SitePath("search"), pattern)
            .ToDictionary(f => Path.GetFileName(f), f => (Convert.ToBase64String(File.ReadAllBytes(f)), File.GetLastWriteTimeUtc(f)));
}
