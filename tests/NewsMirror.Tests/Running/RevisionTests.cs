using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Tests.Support;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Running;

/// <summary>An archived item that comes back changed: kept (on-change: ignore) or rewritten (update), recorded either way.</summary>
public class RevisionTests
{
    private const string Link = "https://www.dw.com/zh/a-1";
    private static readonly RssFixtureItem Original = new("原来的标题", Link, "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>原来的正文</p>", Guid = "dw-1" };
    private static readonly RssFixtureItem Revised = Original with { Title = "更正后的标题", Description = "<p>更正后的正文</p>" };

    private static async Task<int> ChangedAsync(MirrorFixture m)
    {
        var result = await m.RunAsync("--only", "dw", "--json");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var dw = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(0, dw.GetProperty("new").GetInt32());
        return dw.GetProperty("changed").GetInt32();
    }

    private static async Task<JsonElement> HistoryAsync(MirrorFixture m, string target)
    {
        var result = await CliProcess.RunAsync(m.Archive.Path, "history", target, "--json");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        return Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray().ToList()).Clone();
    }

    [Fact]
    public async Task By_default_a_changed_item_leaves_the_file_and_is_recorded_once()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", Original);
        Assert.Equal(0, (await m.RunAsync("--only", "dw")).ExitCode);
        var archived = m.Read("articles/dw/1048574.md");
        m.ServeFeed("dw", Revised);

        Assert.Equal(1, await ChangedAsync(m));
        Assert.Equal(0, await ChangedAsync(m));

        Assert.Equal(archived, m.Read("articles/dw/1048574.md"));
        var history = await HistoryAsync(m, Link);
        var revision = Assert.Single(history.GetProperty("revisions").EnumerateArray().ToList());
        Assert.Equal("ignore", revision.GetProperty("action").GetString());
        Assert.Equal("原来的标题", revision.GetProperty("oldTitle").GetString());
        Assert.Equal("更正后的标题", revision.GetProperty("newTitle").GetString());
    }

    [Fact]
    public async Task History_json_names_every_field_of_the_article_and_its_revision_in_order()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", Original);
        Assert.Equal(0, (await m.RunAsync("--only", "dw")).ExitCode);
        m.ServeFeed("dw", Revised);
        Assert.Equal(1, await ChangedAsync(m));

        var history = await HistoryAsync(m, Link);

        Assert.Equal(["source", "folder", "file", "title", "link", "revisions"], history.EnumerateObject().Select(p => p.Name));
        Assert.Equal("articles/dw/1048574.md", history.GetProperty("file").GetString());
        var revision = Assert.Single(history.GetProperty("revisions").EnumerateArray().ToList());
        Assert.Equal(["at", "action", "oldTitle", "newTitle", "oldHash", "newHash"], revision.EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", revision.GetProperty("at").GetString());
        Assert.NotEqual(revision.GetProperty("oldHash").GetString(), revision.GetProperty("newHash").GetString());
    }

    [Fact]
    public async Task With_on_change_update_the_file_is_rewritten_in_place_and_the_revision_survives_a_fresh_clone()
    {
        await using var m = await MirrorFixture.StartAsync("    cleanup: none\n    on-change: update\n");
        m.ServeFeed("dw", Original);
        Assert.Equal(0, (await m.RunAsync("--only", "dw")).ExitCode);
        m.ServeFeed("dw", Revised);

        Assert.Equal(1, await ChangedAsync(m));

        Assert.Equal("<!--1711442701000-->\n[更正后的标题](https://www.dw.com/zh/a-1)\n------\n\n<p>更正后的正文</p>\n", m.Read("articles/dw/1048574.md"));
        Assert.Contains("[更正后的标题](/articles/dw/1048574.md)", m.Read("lists/德国之声.md"));
        Assert.Single(Directory.GetFiles(m.Archive.Combine("articles", "dw")));

        File.Delete(Path.Combine(m.Archive.Path, ".newsmirror", "catalog.db"));
        Assert.Equal(0, await ChangedAsync(m));
        var history = await HistoryAsync(m, "articles/dw/1048574.md");
        var revision = Assert.Single(history.GetProperty("revisions").EnumerateArray().ToList());
        Assert.Equal("update", revision.GetProperty("action").GetString());
        Assert.Equal("更正后的标题", history.GetProperty("title").GetString());
        var log = IdentityLog.Read(m.Archive.Combine(".newsmirror", "log", "dw.jsonl"));
        Assert.Equal([null, IdentityLogEntry.Changes.Update], log.Select(e => e.Change));
        Assert.Equal(ContentHash.Of(ArticleFile.Parse(m.Read("articles/dw/1048574.md"))), log[1].Hash);
    }

    [Fact]
    public async Task An_imported_article_seen_for_the_first_time_is_a_baseline_not_a_revision()
    {
        await using var m = await MirrorFixture.StartAsync("    on-change: update\n");
        // Archived by the reference script: raw body, no log line; the source still serves it unchanged.
        var folder = Directory.CreateDirectory(m.Archive.Combine("articles", "dw")).FullName;
        var reference = "<!--1711442701000-->\n[原来的标题](https://www.dw.com/zh/a-1)\n------\n\n<p>原来的正文</p>  \n";
        File.WriteAllText(Path.Combine(folder, "1048574.md"), reference);
        Assert.Equal(0, (await CliProcess.RunAsync(m.Archive.Path, "import")).ExitCode);
        m.ServeFeed("dw", Original);

        Assert.Equal(0, await ChangedAsync(m));
        Assert.Equal(reference, m.Read("articles/dw/1048574.md"));

        m.ServeFeed("dw", Revised);
        Assert.Equal(1, await ChangedAsync(m));
        Assert.Contains("[更正后的标题]", m.Read("articles/dw/1048574.md"));
    }
}
