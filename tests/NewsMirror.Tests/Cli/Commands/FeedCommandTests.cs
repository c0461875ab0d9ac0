using System.Text.Json;
using NewsMirror.Tests.Feeds;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli.Commands;

public class FeedCommandTests
{
    [Fact]
    public async Task Inspect_json_prints_one_object_with_the_documented_shape()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", FeedFixtures.PathOf("rss20.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["format", "title", "link", "description", "language", "updated", "author", "authorDetail", "errors", "items"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("rss2.0", root.GetProperty("format").GetString());
        Assert.Equal("2024-03-26T09:50:00Z", root.GetProperty("updated").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("authorDetail").ValueKind);
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        var item = root.GetProperty("items")[0];
        Assert.Equal(["id", "title", "link", "published", "updated", "author", "authorDetail", "summary", "content", "categories", "enclosures", "skip"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("rfi-20240326-1", item.GetProperty("id").GetString());
        Assert.Equal("RFI", item.GetProperty("authorDetail").GetProperty("name").GetString());
        Assert.Equal(" 美国防部长会见日本安保局长 日美菲首脑4月举行峰会 ", item.GetProperty("title").GetString());
        Assert.Equal("2024-03-26T08:45:01Z", item.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("updated").ValueKind);
        Assert.Equal("<p>全文 &amp; more</p>", item.GetProperty("content").GetString());
        Assert.Contains("第一段\r\n第二段\r第三段", item.GetProperty("summary").GetString());
        Assert.Equal(["亚洲", "美国"], item.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var enclosure = item.GetProperty("enclosures")[0];
        Assert.Equal("https://s.rfi.fr/a.jpg", enclosure.GetProperty("url").GetString());
        Assert.Equal("image/jpeg", enclosure.GetProperty("type").GetString());
        Assert.Equal(12345, enclosure.GetProperty("length").GetInt64());
        Assert.Contains("美国防部长", result.Stdout);
    }

    [Fact]
    public async Task Inspect_json_tells_the_author_name_email_and_uri_apart()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", FeedFixtures.PathOf("authors.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var first = json.RootElement.GetProperty("items")[0];
        Assert.Equal("jo@example.com (Jo Smith)", first.GetProperty("author").GetString());
        var detail = first.GetProperty("authorDetail");
        Assert.Equal(["name", "email", "uri"], detail.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Jo Smith", detail.GetProperty("name").GetString());
        Assert.Equal("jo@example.com", detail.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("uri").ValueKind);
        Assert.Equal("The Editor", json.RootElement.GetProperty("authorDetail").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Inspect_json_lists_recoveries_and_still_exits_0()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", FeedFixtures.PathOf("recovery-truncated.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains("document truncated after 3 items", json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Inspect_reads_a_file_url_and_prints_a_readable_summary()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", new Uri(FeedFixtures.PathOf("atom10.xml")).AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Format:    atom1.0", result.Stdout);
        Assert.Contains("Items:     3", result.Stdout);
        Assert.Contains("https://example.org/blog/2024/09/pvh.html", result.Stdout);
    }

    [Fact]
    public async Task Inspect_fetches_a_url_and_uses_its_charset_and_address()
    {
        await using var server = await LoopbackServer.StartAsync();
        string? userAgent = null;
        server.Handle("feed.xml", async context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            context.Response.ContentType = "text/xml; charset=gbk";
            await context.Response.Body.WriteAsync(FeedFixtures.Bytes("encoding-gbk-undeclared-http.xml"));
        });

        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", server.Url("feed.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("德国之声中文网", json.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("NewsMirror", userAgent);
    }

    [Fact]
    public async Task Inspect_of_an_html_page_exits_1_and_names_its_feeds()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", FeedFixtures.PathOf("html-page.html"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("HTML page", result.Stderr);
        Assert.Contains("https://example.org/atom.xml", result.Stderr);
    }

    [Fact]
    public async Task Inspect_of_a_missing_file_exits_2()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", Path.Combine(AppContext.BaseDirectory, "no-such-feed.xml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No such file", result.Stderr);
    }

    [Fact]
    public async Task Inspect_without_a_source_exits_2()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Missing feed", result.Stderr);
    }

    private static readonly string EveryCase = Path.Combine(AppContext.BaseDirectory, "Selection", "Fixtures", "every-case.xml");

    private const string NoLink = "without a link (none, nor a guid that is a web address)";

    private static JsonElement[] Items(CliProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("items").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Inspect_json_gives_every_item_the_reason_a_run_would_skip_it_or_null()
    {
        var items = Items(await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", EveryCase, "--json"));

        Assert.Equal(
            [null, null, "duplicate of item 1 of the feed (same guid)", null, "without title or body text to make one from", null, NoLink, null, null],
            items.Select(i => i.GetProperty("skip").GetString()));
        Assert.Equal("<p onclick=\"alert(1)\">正文<script>alert(1)</script><a href=\"javascript:alert(1)\">链接</a></p><blink>闪</blink><p style=\"background: url(https://evil.example/x.png)\">尾</p>",
            items[8].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Inspect_cleaned_shows_bodies_as_the_archive_would_store_them_with_the_default_settings()
    {
        var items = Items(await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", EveryCase, "--json", "--cleaned"));

        Assert.Equal("<p>正文<a>链接</a></p>闪<p>尾</p>", items[8].GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, items[8].GetProperty("content").ValueKind);
        Assert.Equal("<p>第一篇的正文</p>", items[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Inspect_with_a_source_judges_and_cleans_items_by_that_source_s_settings()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"),
            "sources:\n  - name: 测试源\n    folder: test\n    url: https://n.example/feed.xml\n    exclude:\n      title: 广告\n" +
            "  - name: 原样源\n    folder: raw\n    url: https://n.example/raw.xml\n    cleanup: none\n");

        var filtered = Items(await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", EveryCase, "--json", "--cleaned", "--source", "测试源", "--archive", archive.Path));
        var raw = Items(await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", EveryCase, "--json", "--cleaned", "--source", "raw", "--archive", archive.Path));
        var unknown = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", EveryCase, "--json", "--source", "没有这个源", "--archive", archive.Path);

        Assert.Equal("filtered out: title matches the exclude rule", filtered[7].GetProperty("skip").GetString());
        Assert.Equal("<p>正文<a>链接</a></p>闪<p>尾</p>", filtered[8].GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, raw[7].GetProperty("skip").ValueKind);
        Assert.StartsWith("<p onclick=\"alert(1)\">正文<script>", raw[8].GetProperty("summary").GetString());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no source '没有这个源'", unknown.Stderr);
    }

    [Fact]
    public async Task Inspect_text_says_why_an_item_would_not_be_archived()
    {
        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", EveryCase);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("   not archived: duplicate of item 1 of the feed (same guid)\n", result.Stdout);
        Assert.Contains($"   not archived: {NoLink}\n", result.Stdout);
    }
}
