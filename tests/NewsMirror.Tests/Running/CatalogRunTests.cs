using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Tests.Support;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Running;

/// <summary>`newsmirror run` with the catalog: fresh clones, no-op runs that read no article, and runs stopped half-way.</summary>
public class CatalogRunTests
{
    private static RssFixtureItem Item(string title, string link, string pubDate, string body = "<p>正文</p>") =>
        new(title, link, pubDate) { Description = body, Guid = link + "#guid" };

    private static readonly RssFixtureItem First = Item("第一条", "https://www.dw.com/zh/a-1", "Tue, 26 Mar 2024 08:45:01 GMT");
    private static readonly RssFixtureItem Second = Item("第二条", "https://www.dw.com/zh/a-2", "Tue, 26 Mar 2024 10:15:01 GMT");
    private static readonly RssFixtureItem Third = Item("第三条", "https://www.dw.com/zh/a-3", "Tue, 26 Mar 2024 11:15:01 GMT");

    private static string CatalogFile(MirrorFixture m) => ArchiveCatalog.PathOf(new ArchivePaths(m.Archive.Path));

    private static async Task<JsonElement> RunDwAsync(MirrorFixture m)
    {
        var result = await m.RunAsync("--only", "dw", "--json");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("sources")[0].Clone();
    }

    /// <summary>What a run stopped between the log append and the file write leaves: the third item logged under the next id, no file.</summary>
    private static void LogThirdWithoutItsFile(MirrorFixture m) =>
        IdentityLog.Append(m.Archive.Combine(".newsmirror", "log", "dw.jsonl"),
            [new IdentityLogEntry(1048573, "1048573.md", Third.Guid, Third.Link, Third.Title, 1711451701000, DateTimeOffset.UtcNow)]);

    private static List<string> FilesWithLink(MirrorFixture m, string link) =>
        Directory.GetFiles(m.Archive.Combine("articles", "dw")).Where(f => File.ReadAllText(f).Contains($"]({link})")).ToList();

    [Fact]
    public async Task A_no_op_run_from_a_fresh_clone_rebuilds_the_catalog_from_the_logs_and_writes_no_archive_file()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", First, Second);
        await RunDwAsync(m);
        File.Delete(CatalogFile(m));
        var before = m.Snapshot();

        var dw = await RunDwAsync(m);

        Assert.Equal(0, dw.GetProperty("new").GetInt32());
        Assert.Equal(2, dw.GetProperty("known").GetInt32());
        Assert.Equal(before, m.Snapshot());
        Assert.True(File.Exists(CatalogFile(m)));
    }

    [Fact]
    public async Task A_no_op_run_with_the_catalog_reads_no_article_file()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", First, Second);
        await RunDwAsync(m);
        // Were the run to list the folder or read the files it would find none and archive both again.
        foreach (var file in Directory.GetFiles(m.Archive.Combine("articles", "dw"))) File.Delete(file);

        var dw = await RunDwAsync(m);

        Assert.Equal(0, dw.GetProperty("new").GetInt32());
        Assert.Equal(2, dw.GetProperty("known").GetInt32());
        Assert.Empty(Directory.GetFiles(m.Archive.Combine("articles", "dw")));
    }

    [Fact]
    public async Task A_run_stopped_after_the_log_line_but_before_the_file_archives_the_article_once_next_time()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", First);
        await RunDwAsync(m);
        LogThirdWithoutItsFile(m);
        m.ServeFeed("dw", First, Third);

        var dw = await RunDwAsync(m);

        Assert.Equal(1, dw.GetProperty("new").GetInt32());
        Assert.Single(FilesWithLink(m, Third.Link));
        Assert.Single(FilesWithLink(m, First.Link));
        Assert.Equal(0, (await RunDwAsync(m)).GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task A_log_line_without_its_file_in_a_fresh_clone_is_archived_once_too()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", First);
        await RunDwAsync(m);
        LogThirdWithoutItsFile(m);
        File.Delete(CatalogFile(m));
        m.ServeFeed("dw", First, Third);

        Assert.Equal(1, (await RunDwAsync(m)).GetProperty("new").GetInt32());
        Assert.Single(FilesWithLink(m, Third.Link));
    }

    [Fact]
    public async Task A_catalog_that_lost_its_last_transaction_catches_up_from_the_log_without_duplicating()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", First);
        await RunDwAsync(m);
        var stale = File.ReadAllBytes(CatalogFile(m));
        m.ServeFeed("dw", First, Second);
        Assert.Equal(1, (await RunDwAsync(m)).GetProperty("new").GetInt32());
        // As if the run had been stopped after writing log line and file but before the catalog committed.
        File.WriteAllBytes(CatalogFile(m), stale);

        var dw = await RunDwAsync(m);

        Assert.Equal(0, dw.GetProperty("new").GetInt32());
        Assert.Single(FilesWithLink(m, Second.Link));
    }

    [Fact]
    public async Task Identity_log_lines_carry_the_content_hash_of_the_file()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("dw", First);
        await RunDwAsync(m);

        var entry = Assert.Single(IdentityLog.Read(m.Archive.Combine(".newsmirror", "log", "dw.jsonl")));
        var record = ArticleFile.Parse(m.Read("articles/dw/1048574.md"));
        Assert.Equal(ContentHash.Of(record), entry.Hash);
        Assert.Equal(First.Guid, entry.Guid);
    }
}
