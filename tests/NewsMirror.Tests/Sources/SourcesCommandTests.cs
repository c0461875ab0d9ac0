using System.Text.Json;
using NewsMirror.Sources;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Sources;

/// <summary>`newsmirror sources …` through the real executable.</summary>
public class SourcesCommandTests
{
    private static readonly RssFixtureItem[] Items =
    [
        new("最旧", "https://example.org/1", "Mon, 25 Mar 2024 08:45:01 GMT") { Description = "<p>1</p>" },
        new("最新", "https://example.org/4", "Thu, 28 Mar 2024 08:45:01 GMT") { Description = "<p>4</p>" },
        new("第二", "https://example.org/2", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>2</p>" },
        new("第三", "https://example.org/3", "Wed, 27 Mar 2024 08:45:01 GMT") { Description = "<p>3</p>" },
    ];

    private static Task<CliProcess.Result> Sources(TempFolder archive, params string[] args) =>
        CliProcess.RunAsync(archive.Path, ["sources", .. args]);

    [Fact]
    public async Task Add_discovers_the_feed_from_a_page_previews_it_and_appends_it_keeping_comments()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("site/", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/site/rss.xml\"></head><body></body></html>", "text/html; charset=utf-8");
        server.Serve("site/rss.xml", RssFixture.Document("Example News 示例", Items));
        using var archive = new TempFolder();
        const string original = "# my notes\nsources:\n  # the French one\n  - name: 法广\n    url: http://127.0.0.1:1/rfi.xml\n# end\n";
        File.WriteAllText(archive.Combine("newsmirror.yml"), original);

        var result = await Sources(archive, "add", server.Url("site/"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"feed:  {server.Url("site/rss.xml")} (rss2.0)", result.Stdout);
        Assert.Contains("title: Example News 示例", result.Stdout);
        Assert.Contains("items: 4", result.Stdout);
        var shown = result.Stdout.Split('\n').Where(l => l.StartsWith("  2024-")).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[^1]).ToList();
        Assert.Equal(["最新", "第三", "第二"], shown);
        var text = File.ReadAllText(archive.Combine("newsmirror.yml"));
        Assert.StartsWith("# my notes\nsources:\n  # the French one\n  - name: 法广\n    url: http://127.0.0.1:1/rfi.xml\n  - name: Example News 示例\n", text);
        Assert.EndsWith("# end\n", text);
        var added = SourcesFile.Parse(text, "newsmirror.yml")[^1];
        Assert.Equal(("example-news", server.Url("site/rss.xml")), (added.Folder, added.Url));
    }

    [Fact]
    public async Task Add_without_a_config_writes_the_built_in_outlets_first()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("rss.xml", RssFixture.Document("Example", Items));
        using var archive = new TempFolder();

        var result = await Sources(archive, "add", server.Url("rss.xml"), "--name", "示例", "--folder", "example", "--body", "content");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var sources = SourcesFile.Load(archive.Combine("newsmirror.yml"));
        Assert.Equal(BuiltInSources.All.Select(s => s.Name).Append("示例"), sources.Select(s => s.Name));
        Assert.Equal(BodyField.Content, sources[^1].Body);

        var again = await Sources(archive, "add", server.Url("rss.xml"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already archives", again.Stderr);
    }

    [Fact]
    public async Task Remove_deletes_an_entry_or_disables_a_built_in_outlet_and_list_shows_it()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"),
            "sources:\n  - name: 法广 # keep this comment\n    url: http://127.0.0.1:1/rfi.xml\n  # about mine\n  - name: Mine\n    folder: mine\n    url: http://127.0.0.1:1/mine.xml\n");

        Assert.Equal(0, (await Sources(archive, "remove", "mine")).ExitCode);
        Assert.Equal(0, (await Sources(archive, "remove", "法广")).ExitCode);
        var unknown = await Sources(archive, "remove", "Nobody");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("sources:\n  - name: 法广 # keep this comment\n    url: http://127.0.0.1:1/rfi.xml\n    enabled: false\n  # about mine\n",
            File.ReadAllText(archive.Combine("newsmirror.yml")));
        var list = await Sources(archive, "list", "--json");
        using var json = JsonDocument.Parse(list.Stdout);
        var only = Assert.Single(json.RootElement.GetProperty("sources").EnumerateArray());
        Assert.Equal(("法广", "rfi", false), (only.GetProperty("name").GetString(), only.GetProperty("folder").GetString(), only.GetProperty("enabled").GetBoolean()));
        Assert.Equal("法广\trfi\tdisabled\thttp://127.0.0.1:1/rfi.xml\n", (await Sources(archive, "list")).Stdout);
    }

    [Fact]
    public async Task Test_says_what_a_run_would_archive_and_writes_nothing()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("rfi", Items[..2]);
        Assert.Equal(0, (await m.RunAsync("--only", "法广")).ExitCode);
        m.ServeFeed("rfi", Items);
        var before = m.Snapshot();

        var result = await Sources(m.Archive, "test", "法广", "--json");
        var failed = await Sources(m.Archive, "test", "dw", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using (var json = JsonDocument.Parse(result.Stdout))
        {
            Assert.Equal(4, json.RootElement.GetProperty("items").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("new").GetInt32());
            Assert.Equal(["最新", "第三", "第二"], json.RootElement.GetProperty("newest").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        }
        Assert.Equal(1, failed.ExitCode);
        using (var json = JsonDocument.Parse(failed.Stdout)) Assert.Contains("404", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(before, m.Snapshot());
    }

    [Fact]
    public async Task Opml_export_then_import_into_another_archive_recreates_the_sources()
    {
        using var from = new TempFolder();
        using var to = new TempFolder();
        File.WriteAllText(from.Combine("newsmirror.yml"),
            "sources:\n  - name: 法广\n    url: http://127.0.0.1:1/rfi.xml\n  - name: Mine & Co\n    folder: mine\n    url: http://127.0.0.1:1/mine.xml?a=1&b=2\n  - name: Off\n    folder: off\n    url: http://127.0.0.1:1/off.xml\n    enabled: false\n");
        File.WriteAllText(to.Combine("newsmirror.yml"), "# imported\nsources:\n  - name: Mine & Co\n    folder: other\n    url: http://127.0.0.1:1/other.xml\n");

        var export = await Sources(from, "export-opml", "--output", from.Combine("feeds.opml"));
        var import = await Sources(to, "import-opml", from.Combine("feeds.opml"));

        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains("1 of 2 feeds added", import.Stderr);
        var sources = SourcesFile.Load(to.Combine("newsmirror.yml"));
        Assert.Equal([("Mine & Co", "other", "http://127.0.0.1:1/other.xml"), ("法广", "rfi", "http://127.0.0.1:1/rfi.xml")],
            sources.Select(s => (s.Name, s.Folder, s.Url)));
        Assert.StartsWith("# imported\n", File.ReadAllText(to.Combine("newsmirror.yml")));
    }
}
