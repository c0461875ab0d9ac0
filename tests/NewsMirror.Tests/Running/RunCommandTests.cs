using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>`newsmirror run` through the real executable, against feeds served on 127.0.0.1.</summary>
public class RunCommandTests
{
    private static RssFixtureItem Item(string title, string link, string pubDate, string body) =>
        new(title, link, pubDate) { Description = body };

    private static void ServeAllOutlets(MirrorFixture m)
    {
        foreach (var folder in MirrorFixture.FeedxFolders)
            m.ServeFeed(folder,
                Item($"{folder} 第二条", $"https://www.example.com/{folder}/2", "Tue, 26 Mar 2024 10:15:01 GMT", "<p>二</p>"),
                Item($"{folder} 第一条", $"https://www.example.com/{folder}/1", "Tue, 26 Mar 2024 08:45:01 GMT", "<p>一</p>"));
        m.ServeFeed("rfa", new RssFixtureItem("自由亚洲 新闻", "https://www.rfa.org/ignored-link", "Tue, 26 Mar 2024 08:45:01 GMT")
        {
            Guid = "https://www.rfa.org/mandarin/yataibaodao/news-03262024.html",
            Description = "摘要",
            ContentEncoded = "<p>全文第一段</p>\n<p>全文第二段</p>",
        });
        m.ServeFeed("cdt",
            new RssFixtureItem("【网络民议】有符号的分类", m.Server.Url("chinese/715858.html"), "Tue, 26 Mar 2024 08:45:01 +0000")
            {
                Guid = "https://chinadigitaltimes.net/chinese/?p=715858",
                Description = "摘要",
                Categories = ["📢 公告", "新闻"],
            },
            new RssFixtureItem("没有符号分类的文章", m.Server.Url("chinese/715859.html"), "Tue, 26 Mar 2024 09:45:01 +0000")
            {
                Guid = "https://chinadigitaltimes.net/chinese/?p=715859",
                Description = "摘要",
                Categories = ["新闻"],
            });
        m.Server.Serve("chinese/715858.html",
            "<html><body><div class=\"post-content\"><p>正文<br />第二行</p>\n<p class='x'>&ldquo;引用&rdquo; &amp; &nbsp;</p></div></body></html>",
            "text/html; charset=utf-8");
    }

    [Fact]
    public async Task Archives_all_nine_outlets_in_the_reference_format()
    {
        await using var m = await MirrorFixture.StartAsync();
        ServeAllOutlets(m);

        var result = await m.RunAsync();

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(
            "<!--1711442701000-->\n[rfi 第一条](https://www.example.com/rfi/1)\n------\n\n<p>一</p>\n",
            m.Read("articles/rfi/1048574.md"));
        Assert.Equal(
            "<!--1711448101000-->\n[rfi 第二条](https://www.example.com/rfi/2)\n------\n\n<p>二</p>\n",
            m.Read("articles/rfi/1048573.md"));
        Assert.Equal(
            "法广\n------\n\n3-26 [rfi 第二条](/articles/rfi/1048573.md)\n\n3-26 [rfi 第一条](/articles/rfi/1048574.md)\n\n",
            m.Read("lists/法广.md"));
        foreach (var folder in MirrorFixture.FeedxFolders)
            Assert.True(m.Exists($"articles/{folder}/1048573.md"), folder);

        Assert.Equal(
            "<!--1711442701000-->\n[自由亚洲 新闻](https://www.rfa.org/mandarin/yataibaodao/news-03262024.html)\n------\n\n<p>全文第一段</p><p>全文第二段</p>\n",
            m.Read("articles/rfa/1048574.md"));

        // 中国数字时代: id from the post number, body from the page, items without a symbol category left out.
        Assert.Equal(
            $"<!--1711442701000-->\n[【网络民议】有符号的分类]({m.Server.Url("chinese/715858.html")})\n------\n\n<p>正文<br>第二行</p><p class=\"x\">“引用” &amp; &nbsp;</p>\n",
            m.Read("articles/cdt/332717.md"));
        Assert.Single(Directory.GetFiles(m.Archive.Combine("articles", "cdt")));

        var readme = m.Read("README.md");
        foreach (var name in MirrorFixture.Names.Values) Assert.Contains($"[{name}](lists/{name}.md)", readme);
    }

    [Fact]
    public async Task New_ids_go_below_the_true_smallest_id_across_the_six_digit_boundary()
    {
        await using var m = await MirrorFixture.StartAsync();
        var rfi = Directory.CreateDirectory(m.Archive.Combine("articles", "rfi")).FullName;
        var existing = new Dictionary<string, string>
        {
            ["1000001.md"] = "<!--1695719701000-->\n[旧一](https://www.rfi.fr/cn/a)\n------\n\n<p>a</p>\n",
            ["1000000.md"] = "<!--1695719701000-->\n[旧二](https://www.rfi.fr/cn/b)\n------\n\n<p>b</p>\n",
            ["999999.md"] = "<!--1698488101000-->\n[旧三](https://www.rfi.fr/cn/c)\n------\n\n<p>c</p>\n",
            ["999998_旧四.md"] = "<!--1699024501000-->\n[旧四](https://www.rfi.fr/cn/d)\n------\n\n<p>d</p>\n",
        };
        foreach (var (name, text) in existing) File.WriteAllText(Path.Combine(rfi, name), text);
        m.ServeFeed("rfi",
            Item("新一", "https://www.rfi.fr/cn/e", "Tue, 26 Mar 2024 08:45:01 GMT", "<p>e</p>"),
            Item("旧三", "https://www.rfi.fr/cn/c", "Sat, 28 Oct 2023 10:15:01 GMT", "<p>c</p>"));

        var result = await m.RunAsync("--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("<!--1711442701000-->\n[新一](https://www.rfi.fr/cn/e)\n------\n\n<p>e</p>\n", m.Read("articles/rfi/999997.md"));
        foreach (var (name, text) in existing) Assert.Equal(text, File.ReadAllText(Path.Combine(rfi, name)));
        Assert.Equal(5, Directory.GetFiles(rfi).Length);
        Assert.StartsWith("法广\n------\n\n3-26 [新一](/articles/rfi/999997.md)\n\n11-3 [旧四](/articles/rfi/999998_旧四.md)\n\n", m.Read("lists/法广.md"));
    }

    [Fact]
    public async Task A_second_run_with_nothing_new_changes_no_file()
    {
        await using var m = await MirrorFixture.StartAsync();
        ServeAllOutlets(m);
        Assert.Equal(0, (await m.RunAsync()).ExitCode);
        var before = m.Snapshot();

        var second = await m.RunAsync("--json");

        Assert.Equal(0, second.ExitCode);
        using var json = JsonDocument.Parse(second.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(before, m.Snapshot());
    }

    [Fact]
    public async Task Late_items_are_archived_and_same_title_articles_are_both_kept()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", Item("每日简讯", "https://www.dw.com/zh/a-1", "Tue, 26 Mar 2024 10:15:01 GMT", "<p>今天</p>"));
        Assert.Equal(0, (await m.RunAsync("--only", "dw")).ExitCode);

        // The feed now also carries an item older than the newest archived one, and a second column with the same title.
        m.ServeFeed("dw",
            Item("每日简讯", "https://www.dw.com/zh/a-2", "Wed, 27 Mar 2024 01:00:00 GMT", "<p>明天</p>"),
            Item("每日简讯", "https://www.dw.com/zh/a-1", "Tue, 26 Mar 2024 10:15:01 GMT", "<p>今天</p>"),
            Item("迟到的新闻", "https://www.dw.com/zh/a-0", "Mon, 25 Mar 2024 23:00:00 GMT", "<p>昨天</p>"));
        var result = await m.RunAsync("--only", "dw", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var dw = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(2, dw.GetProperty("new").GetInt32());
        Assert.Equal(1, dw.GetProperty("known").GetInt32());
        Assert.Contains("[每日简讯](https://www.dw.com/zh/a-1)", m.Read("articles/dw/1048574.md"));
        Assert.Contains("[迟到的新闻](https://www.dw.com/zh/a-0)", m.Read("articles/dw/1048573.md"));
        Assert.Contains("[每日简讯](https://www.dw.com/zh/a-2)", m.Read("articles/dw/1048572.md"));
    }

    [Fact]
    public async Task Failing_sources_are_named_and_do_not_stop_the_others()
    {
        await using var m = await MirrorFixture.StartAsync();
        ServeAllOutlets(m);
        m.Server.Status("rfi.xml", 404);
        m.Server.Handle("dw.xml", async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        m.Server.Serve("bbc.xml", "<!doctype html><html><head><title>BBC</title></head><body>首页</body></html>", "text/html; charset=utf-8");

        var result = await m.RunAsync("--json", "--timeout", "2");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var byFolder = json.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("folder").GetString()!);
        Assert.Equal("error", byFolder["rfi"].GetProperty("status").GetString());
        Assert.Contains("404", byFolder["rfi"].GetProperty("error").GetString());
        Assert.Contains("timed out", byFolder["dw"].GetProperty("error").GetString());
        Assert.Equal("error", byFolder["bbc"].GetProperty("status").GetString());
        Assert.Contains("HTML", byFolder["bbc"].GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        foreach (var ok in new[] { "reuters", "nyt", "voa", "ft", "rfa", "cdt" })
            Assert.Equal("ok", byFolder[ok].GetProperty("status").GetString());
        Assert.True(m.Exists("articles/nyt/1048574.md"));
        Assert.False(Directory.Exists(m.Archive.Combine("articles", "rfi")));

        var text = await m.RunAsync("--timeout", "2");
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("法广", text.Stdout);
        Assert.Contains("FAILED HTTP 404", text.Stdout);
    }

    [Fact]
    public async Task A_bad_sources_file_is_a_usage_error_naming_file_line_and_key()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.Combine("newsmirror.yml"), "sources:\n  - name: X\n    folder: ../x\n    url: http://127.0.0.1:1/\n");

        var result = await CliProcess.RunAsync(dir.Path, "run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("newsmirror.yml:3: key 'folder'", result.Stderr);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.Path), p => !p.EndsWith("newsmirror.yml"));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        using var dir = new TempFolder();

        var result = await CliProcess.RunAsync(dir.Path, "run", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Run_with_site_rebuilds_the_reading_site_and_rewrites_nothing_when_nothing_is_new()
    {
        await using var m = await MirrorFixture.StartAsync();
        ServeAllOutlets(m);

        var first = await m.RunAsync("--site");

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Contains("rfi 第一条", m.Read("site/index.html"));
        Assert.Contains("rfi 第一条", m.Read("site/articles/rfi/1048574.html"));
        var site = m.Archive.Combine("site");
        var before = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = await m.RunAsync("--site");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(before, Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }
}
