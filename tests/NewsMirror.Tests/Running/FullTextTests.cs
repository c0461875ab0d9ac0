using System.Text;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>`fulltext:` through a real loopback server: readability and selector modes, the fallback to the feed's body, the per-host limit.</summary>
public class FullTextTests
{
    private static string Page(string paragraphs) =>
        $"<!doctype html><html lang=\"zh\"><head><title>页面</title></head><body><nav><a href=\"/\">首页</a> <a href=\"/x\">国际</a></nav>" +
        $"<article><h1>标题</h1>{paragraphs}</article><aside class=\"share\">分享到微信 分享到微博</aside><footer>版权所有</footer></body></html>";

    private static string Paragraphs(string seed, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<p>{seed}第{i}段：记者从现场了解到，这是一段足够长的正文内容，用来让可读性算法认出文章主体所在的位置。</p>"));

    [Fact]
    public async Task Readability_takes_the_article_from_the_page_and_keeps_the_feed_body_when_the_page_has_less()
    {
        await using var m = await MirrorFixture.StartAsync("    fulltext: readability\n" + MirrorFixture.AllowLoopback);
        m.Server.Serve("a/full.html", Page(Paragraphs("全文", 8)), "text/html; charset=utf-8");
        m.Server.Serve("a/thin.html", Page("<p>短</p>"), "text/html; charset=utf-8");
        m.ServeFeed("voa",
            new RssFixtureItem("全文文章", m.Server.Url("a/full.html"), "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>摘要</p>" },
            new RssFixtureItem("摘要更长", m.Server.Url("a/thin.html"), "Tue, 26 Mar 2024 09:45:01 GMT") { Description = "<p>" + new string('长', 400) + "</p>" });

        var result = await m.RunAsync("--only", "voa");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var full = m.Read("articles/voa/1048574.md");
        Assert.Contains("全文第8段", full);
        Assert.DoesNotContain("分享到微信", full);
        Assert.DoesNotContain("版权所有", full);
        Assert.Contains(new string('长', 400), m.Read("articles/voa/1048573.md"));
        Assert.Contains("kept feed body: page had less text", result.Stdout);
    }

    [Fact]
    public async Task Article_pages_are_fetched_once_each_and_at_most_two_at_a_time_per_host()
    {
        await using var m = await MirrorFixture.StartAsync("    fulltext: article\n" + MirrorFixture.AllowLoopback);
        var current = 0;
        var peak = 0;
        var items = new List<RssFixtureItem>();
        for (var i = 0; i < 8; i++)
        {
            var path = $"p/{i}.html";
            var body = Encoding.UTF8.GetBytes(Page(Paragraphs($"页{i}", 3)));
            m.Server.Handle(path, async context =>
            {
                var now = Interlocked.Increment(ref current);
                InterlockedMax(ref peak, now);
                await Task.Delay(150);
                Interlocked.Decrement(ref current);
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.Body.WriteAsync(body);
            });
            items.Add(new RssFixtureItem($"文章{i}", m.Server.Url(path), $"Tue, 26 Mar 2024 0{i}:45:01 GMT") { Description = "<p>摘要</p>" });
        }
        m.ServeFeed("dw", [.. items]);

        var result = await m.RunAsync("--only", "dw");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(8, Directory.GetFiles(m.Archive.Combine("articles", "dw")).Length);
        Assert.Equal(8, m.Server.Requests.Count(r => r.StartsWith("/p/", StringComparison.Ordinal)));
        Assert.InRange(peak, 1, 2);
        Assert.Contains("页7第3段", m.Read("articles/dw/1048567.md"));

        // A second run knows every item: no page is fetched again.
        Assert.Equal(0, (await m.RunAsync("--only", "dw")).ExitCode);
        Assert.Equal(8, m.Server.Requests.Count(r => r.StartsWith("/p/", StringComparison.Ordinal)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
