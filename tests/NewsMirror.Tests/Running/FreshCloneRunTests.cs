using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Catalog;
using NewsMirror.Identity;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// `newsmirror run` from a fresh clone of an archive larger than a folder's newest rows: known items are answered from
/// the identity log's tail without building the catalog, and an item archived long ago is still known.
/// </summary>
public class FreshCloneRunTests
{
    private const int Articles = RecentRows.Limit + 200;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RssFixtureItem Item(int i) =>
        new($"第{i}条", $"https://www.dw.com/zh/a-{i}", Start.AddHours(i).ToString("r", CultureInfo.InvariantCulture)) { Description = "<p>正文</p>", Guid = $"dw-{i}" };

    /// <summary>Articles 0 (the oldest, largest id) to <see cref="Articles"/> − 1 in articles/dw, logged as runs log them.</summary>
    private static void WriteArchive(MirrorFixture m)
    {
        var paths = new ArchivePaths(m.Archive.Path);
        Directory.CreateDirectory(paths.ArticlesFolder("dw"));
        var entries = new List<IdentityLogEntry>();
        for (int i = 0; i < Articles; i++)
        {
            var item = Item(i);
            var record = new ArticleRecord(Start.AddHours(i).ToUnixTimeMilliseconds(), item.Title, item.Link, "<p>正文</p>");
            var file = ArticleFileName.Format(ArchiveFolder.EmptyFolderId - 1 - i);
            File.WriteAllText(Path.Combine(paths.ArticlesFolder("dw"), file), ArticleFile.Render(record));
            entries.Add(new IdentityLogEntry(ArchiveFolder.EmptyFolderId - 1 - i, file, item.Guid, item.Link, item.Title, record.TimestampMs, Start)
            {
                Hash = ContentHash.Of(record),
                Seen = ContentHash.Of(item.Title, item.Description ?? ""),
            });
        }
        IdentityLog.Append(paths.IdentityLog("dw"), entries);
    }

    private static async Task<JsonElement> RunDwAsync(MirrorFixture m, params string[] extra)
    {
        var result = await m.RunAsync(["--only", "dw", "--json", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("sources")[0].Clone();
    }

    private static string CatalogFile(MirrorFixture m) => ArchiveCatalog.PathOf(new ArchivePaths(m.Archive.Path));

    private static long CatalogRows(MirrorFixture m)
    {
        using var connection = new SqliteConnection($"Data Source={CatalogFile(m)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    [Fact]
    public async Task A_run_from_a_fresh_clone_knows_the_newest_items_without_building_the_catalog_and_lists_them_as_the_catalog_would()
    {
        await using var m = await MirrorFixture.StartAsync();
        WriteArchive(m);
        m.ServeFeed("dw", [.. Enumerable.Range(Articles - 30, 30).Select(Item)]);

        // No probes: they read every folder's rows, so a run that makes them builds the catalog first (see ArchiveRun).
        var fresh = await RunDwAsync(m, "--probe-budget", "0");

        Assert.Equal(0, fresh.GetProperty("new").GetInt32());
        Assert.Equal(30, fresh.GetProperty("known").GetInt32());
        Assert.Equal(0, CatalogRows(m));
        var listed = m.Snapshot();
        // The same run with the built catalog (any other command builds it) leaves the list page as the tail made it.
        Assert.Equal(0, (await CliProcess.RunAsync(m.Archive.Path, ["status"])).ExitCode);
        Assert.Equal(Articles, CatalogRows(m));
        await RunDwAsync(m, "--probe-budget", "0");
        Assert.Equal(listed, m.Snapshot());
    }

    [Fact]
    public async Task A_fresh_clone_does_not_archive_again_an_item_archived_long_ago()
    {
        await using var m = await MirrorFixture.StartAsync();
        WriteArchive(m);
        m.ServeFeed("dw", Item(Articles - 1), Item(3), Item(0));
        var log = m.Read(".newsmirror/log/dw.jsonl");

        // No probes: with them the run builds the catalog before its sources (see ArchiveRun).
        var dw = await RunDwAsync(m, "--probe-budget", "0");

        Assert.Equal(0, dw.GetProperty("new").GetInt32());
        Assert.Equal(3, dw.GetProperty("known").GetInt32());
        Assert.Equal(Articles, Directory.GetFiles(m.Archive.Combine("articles", "dw")).Length);
        Assert.Equal(log, m.Read(".newsmirror/log/dw.jsonl"));
        Assert.Equal(Articles, CatalogRows(m));
    }
}
