using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// A page behind a <c>fulltext</c> selector that holds only an image, while the feed's excerpt has more text: the
/// page's image reaches the archive with cleanup none (the reference's bytes) and with cleanup on (media count).
/// </summary>
public class ImageOnlyPageTests
{
    private const string Excerpt = "<p>网友整理的截图记录了当天的讨论，原帖已被删除。以下为部分截图。</p>";
    private const string Selected = "\n<p><img decoding=\"async\" src=\"https://cdt.example/wp-content/a.jpg\" alt=\"\" width=\"600\"/></p>\n";

    private static async Task<string> ArchivedFileAsync(string cleanup)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new TempFolder();
        server.Serve("p/1.html", $"<!doctype html><html><head><title>页</title></head><body><div class=\"post-content\">{Selected}</div><div class=\"post-content\">第二个</div></body></html>",
            "text/html; charset=utf-8");
        server.Serve("feed.xml", RssFixture.Document("中国数字时代", [new RssFixtureItem("【图片】截图", server.Url("p/1.html"), "Tue, 26 Mar 2024 08:45:01 GMT") { Description = Excerpt }]));
        File.WriteAllText(archive.Combine("newsmirror.yml"),
            $"sources:\n  - name: 图\n    folder: cdt\n    url: {server.Url("feed.xml")}\n    fulltext: div.post-content\n    cleanup: {cleanup}\n" + MirrorFixture.AllowLoopback);

        var result = await CliProcess.RunAsync(archive.Path, "run");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.DoesNotContain("kept feed body", result.Stdout + result.Stderr);
        return File.ReadAllText(archive.Combine("articles", "cdt", "1048574.md"));
    }

    [Fact]
    public async Task With_cleanup_none_the_selected_html_is_stored_as_the_reference_stored_it() =>
        Assert.Equal("<!--1711442701000-->\n[【图片】截图](" + "URL" + ")\n------\n\n" +
                     "<p><img decoding=\"async\" src=\"https://cdt.example/wp-content/a.jpg\" alt=\"\" width=\"600\"></p>\n",
            Normalize(await ArchivedFileAsync("none")));

    [Fact]
    public async Task With_cleanup_on_the_page_s_image_outweighs_the_excerpt_s_text() =>
        Assert.Equal("<!--1711442701000-->\n[【图片】截图](" + "URL" + ")\n------\n\n" +
                     "<p><img src=\"https://cdt.example/wp-content/a.jpg\" alt=\"\" width=\"600\"></p>\n",
            Normalize(await ArchivedFileAsync("default")));

    /// <summary>The loopback port changes with every run: the link is replaced by a placeholder.</summary>
    private static string Normalize(string file) => System.Text.RegularExpressions.Regex.Replace(file, @"\]\(http://127\.0\.0\.1:\d+/p/1\.html\)", "](URL)");
}
