using System.Text.Json;
using NewsMirror.Tests.Feeds;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli.Commands;

public class FeedCommandTests
{
    [Fact]
    public async Task Inspect_json_prints_one_object_with_the_documented_shape()
    {
        var result = await CliProcess.RunAsync("feed", "inspect", FeedFixtures.PathOf("rss20.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["format", "title", "link", "description", "language", "updated", "author", "errors", "items"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("rss2.0", root.GetProperty("format").GetString());
        Assert.Equal("2024-03-26T09:50:00Z", root.GetProperty("updated").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("author").ValueKind);
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        var item = root.GetProperty("items")[0];
        Assert.Equal(["id", "title", "link", "published", "updated", "author", "summary", "content", "categories", "enclosures"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("rfi-20240326-1", item.GetProperty("id").GetString());
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
        Assert.Contains("美国防部长", result.Output);
    }

    [Fact]
    public async Task Inspect_json_lists_recoveries_and_still_exits_0()
    {
        var result = await CliProcess.RunAsync("feed", "inspect", FeedFixtures.PathOf("recovery-truncated.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Contains("document truncated after 3 items", json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Inspect_reads_a_file_url_and_prints_a_readable_summary()
    {
        var result = await CliProcess.RunAsync("feed", "inspect", new Uri(FeedFixtures.PathOf("atom10.xml")).AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Format:    atom1.0", result.Output);
        Assert.Contains("Items:     3", result.Output);
        Assert.Contains("https://example.org/blog/2024/09/pvh.html", result.Output);
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

        var result = await CliProcess.RunAsync("feed", "inspect", server.Url("feed.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("德国之声中文网", json.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("NewsMirror", userAgent);
    }

    [Fact]
    public async Task Inspect_of_an_html_page_exits_1_and_names_its_feeds()
    {
        var result = await CliProcess.RunAsync("feed", "inspect", FeedFixtures.PathOf("html-page.html"), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("HTML page", result.Error);
        Assert.Contains("https://example.org/atom.xml", result.Error);
    }

    [Fact]
    public async Task Inspect_of_a_missing_file_exits_2()
    {
        var result = await CliProcess.RunAsync("feed", "inspect", Path.Combine(AppContext.BaseDirectory, "no-such-feed.xml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No such file", result.Error);
    }

    [Fact]
    public async Task Inspect_without_a_source_exits_2()
    {
        var result = await CliProcess.RunAsync("feed", "inspect", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Missing feed", result.Error);
    }
}
