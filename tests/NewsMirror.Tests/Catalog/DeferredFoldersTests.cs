using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Catalog;

/// <summary>
/// A run's catalog opened without one (a fresh clone): its folders answer from the identity logs' tails, exactly as the
/// built catalog would, and the catalog is built when a question needs more, by a build that a kill cannot spoil.
/// </summary>
public class DeferredFoldersTests
{
    /// <summary>More articles than a folder's newest rows hold, so the oldest are outside the tail's answers.</summary>
    private const int Articles = RecentRows.Limit + 100;

    private static string Link(int i) => $"https://www.dw.com/zh/a-{i}";
    private static string Guid(int i) => $"g{i}";
    private static string FileOf(int i) => $"{1048574 - i}.md";

    /// <summary>Articles 0 (oldest, largest id) to count − 1 (newest), logged in the order a run archives them, in one append.</summary>
    private static void WriteFolder(TestArchive archive, string folder, int count)
    {
        var entries = new List<IdentityLogEntry>();
        for (int i = 0; i < count; i++)
        {
            var record = TestArchive.Record($"标题{i}", Link(i), 1_700_000_000_000 + i * 60_000L);
            archive.Write(folder, FileOf(i), ArticleFile.Render(record));
            entries.Add(TestArchive.Entry(FileOf(i), record, Guid(i)) with { Seen = $"seen-{i}" });
        }
        archive.Log(folder, [.. entries]);
    }

    private static ArchiveCatalog OpenDeferred(TestArchive archive) =>
        ArchiveCatalog.Open(archive.Paths, BuiltInSources.All, deferFolders: true);

    private static long RowsInCatalog(ArchiveCatalog catalog)
    {
        lock (catalog.Gate) return Convert.ToInt64(CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM articles"));
    }

    [Fact]
    public void A_fresh_clone_answers_the_newest_items_from_the_log_without_building_the_catalog()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", Articles);

        using var catalog = OpenDeferred(archive);
        var folder = catalog.Folder("dw");

        Assert.True(catalog.Deferred);
        Assert.Equal(FileOf(Articles - 1), folder.FindRow(Guid(Articles - 1), Link(Articles - 1), "", null)?.File);
        Assert.Equal(FileOf(Articles - 5), folder.FindRow(null, Link(Articles - 5).Replace("https://", "http://"), "", null)?.File);
        Assert.Equal(Articles, folder.Count);
        Assert.Equal(Enumerable.Range(0, 300).Select(n => FileOf(Articles - 1 - n)), folder.Newest(300).Select(a => a.File));
        Assert.Equal($"seen-{Articles - 2}", folder.FindRow(Guid(Articles - 2), "", "", null)?.SeenHash);
        Assert.True(catalog.Deferred);
        Assert.Equal(0, RowsInCatalog(catalog));
    }

    [Fact]
    public void A_fresh_clone_recognises_an_item_archived_long_ago_by_building_the_catalog()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", Articles);
        using var catalog = OpenDeferred(archive);
        var folder = catalog.Folder("dw");
        Assert.NotNull(folder.FindRow(Guid(Articles - 1), "", "", null));

        // Its guid and its link: the oldest article is far outside the newest rows the log's tail gives.
        var byGuid = folder.Find(Guid(0), "https://elsewhere.example/x", "另一个标题", null);
        var byLink = folder.Find("another-guid", Link(1), "标题1", null);

        Assert.Equal(FileOf(0), byGuid?.File);
        Assert.Equal(FileOf(1), byLink?.File);
        Assert.False(catalog.Deferred);
        Assert.Equal(Articles, RowsInCatalog(catalog));
        Assert.Null(folder.Find("new-guid", "https://www.dw.com/zh/new", "新文章", null));
        Assert.Equal(1048574 - Articles + 1, folder.SmallestId);
    }

    /// <param name="count">More articles than the newest rows (the tail answers what it holds) or fewer (it is the whole folder).</param>
    [Theory]
    [InlineData(Articles)]
    [InlineData(200)]
    public void Rows_read_from_the_log_tail_are_the_rows_of_the_built_catalog(int count)
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", count);
        int newest = count - 1;
        // Revisions of the newest articles, a found line after a run's line, a logged article whose file was never
        // written, and a file that was deleted after it was logged.
        var revised = TestArchive.Record("标题（更新）", Link(newest), 1_700_000_000_000 + newest * 60_000L);
        archive.Write("dw", FileOf(newest), ArticleFile.Render(revised));
        archive.Log("dw",
            TestArchive.Entry(FileOf(newest), revised, Guid(newest)) with { Change = IdentityLogEntry.Changes.Update, Seen = "seen-new", Archived = TestArchive.Archived.AddHours(1) },
            TestArchive.Entry(FileOf(newest - 1), TestArchive.Record("改了", Link(newest - 1), 0), Guid(newest - 1)) with { Change = IdentityLogEntry.Changes.Ignore, Hash = null, Seen = "seen-ignored" },
            TestArchive.Entry(FileOf(newest - 2), TestArchive.Record($"标题{newest - 2}", Link(newest - 2), 1_700_000_000_000 + (newest - 2) * 60_000L), Guid(newest - 2)) with { Origin = IdentityLogEntry.Origins.Found },
            TestArchive.Entry($"{1048574 - count}.md", TestArchive.Record("未写", "https://www.dw.com/zh/unwritten", 5), "g-unwritten"));
        File.Delete(Path.Combine(archive.Paths.ArticlesFolder("dw"), FileOf(newest - 3)));
        bool whole = count <= RecentRows.Limit;
        // Items the folder lacks are answered without the catalog only where the tail is the whole folder.
        string[] guids = whole ? [.. Enumerable.Range(count - 20, 20).Select(Guid), "g-unwritten"] : [.. Enumerable.Range(count - 3, 3).Select(Guid)];

        List<CatalogRow?> Answers(CatalogFolder folder) =>
            [.. guids.Select(g => folder.FindRow(g, "https://nowhere.example/", "", null)), .. folder.Newest(RecentRows.Limit - 1).Select(a => folder.FindRow(a.Guid, a.Link, a.Title, a.TimestampMs))];

        List<CatalogRow?> fromTail;
        List<StoredArticle> newestFromTail;
        int countFromTail;
        using (var deferred = OpenDeferred(archive))
        {
            var folder = deferred.Folder("dw");
            (fromTail, newestFromTail, countFromTail) = (Answers(folder), folder.Newest(whole ? 300 : RecentRows.Limit).ToList(), folder.Count);
            Assert.True(deferred.Deferred);
        }
        using var built = archive.Open();

        Assert.Equal(Answers(built.Folder("dw")), fromTail);
        Assert.Equal(built.Folder("dw").Newest(whole ? 300 : RecentRows.Limit), newestFromTail);
        Assert.Equal(built.Folder("dw").Count, countFromTail);
        var newestThree = whole ? fromTail[17..20] : fromTail[0..3];
        Assert.Equal(["标题（更新）", $"标题{newest - 1}", $"标题{newest - 2}"], newestThree.Select(r => r?.Title).Reverse());
        Assert.Equal(["seen-new", "seen-ignored", $"seen-{newest - 2}"], newestThree.Select(r => r?.SeenHash).Reverse());
        if (whole)
        {
            Assert.Null(fromTail[16]);
            Assert.Null(fromTail[20]);
        }
    }

    [Fact]
    public void A_log_that_disagrees_with_the_files_is_not_trusted_and_the_built_catalog_answers()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", 50);
        // The newest file's last line gives it another id than its name: only the built catalog says what that means.
        var record = TestArchive.Record("标题49", Link(49), 1_700_000_000_000 + 49 * 60_000L);
        archive.Log("dw", TestArchive.Entry(FileOf(49), record, Guid(49)) with { Id = 7 });
        using var catalog = OpenDeferred(archive);

        var found = catalog.Folder("dw").FindRow(Guid(49), "", "", null);

        Assert.False(catalog.Deferred);
        Assert.Equal(7, found?.Id);
    }

    [Fact]
    public void A_deferred_catalog_opened_by_another_command_is_built_and_keeps_its_source_states()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", 20);
        var polled = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using (var deferred = OpenDeferred(archive)) deferred.States.RecordSuccess("德国之声", polled, etag: "\"v1\"");

        using var catalog = archive.Open();

        Assert.False(catalog.Deferred);
        Assert.Equal(20, catalog.Count("dw"));
        Assert.Equal("\"v1\"", catalog.States.Get("德国之声").ETag);
    }

    [Fact]
    public void A_build_of_deferred_folders_killed_half_way_leaves_the_deferred_catalog_and_is_done_again()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", 20);
        using (var deferred = OpenDeferred(archive)) deferred.States.RecordSuccess("德国之声", DateTimeOffset.UnixEpoch, etag: "\"v1\"");
        // What a build killed before its rename leaves: its temporary file, half written.
        var path = ArchiveCatalog.PathOf(archive.Paths);
        using (var half = new SqliteConnection($"Data Source={path}.new;Pooling=False"))
        {
            half.Open();
            CatalogSchema.CreateTables(half);
        }

        using (var again = OpenDeferred(archive))
        {
            Assert.True(again.Deferred);
            Assert.Equal(20, again.Folder("dw").Count);
        }
        using var catalog = archive.Open();

        Assert.False(File.Exists(path + ".new"));
        Assert.Equal(20, catalog.Count("dw"));
        Assert.Equal("\"v1\"", catalog.States.Get("德国之声").ETag);
    }

    [Fact]
    public void A_line_logged_after_the_deferred_catalog_was_made_without_its_file_is_unwritten_once_built()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", 20);
        // A line the clone already had without its file: the build cannot tell it from a deleted article.
        archive.Log("dw", TestArchive.Entry(FileOf(20), TestArchive.Record("克隆时已缺", Link(20), 1), Guid(20)));
        using (var deferred = OpenDeferred(archive)) Assert.True(deferred.Deferred);
        // What a run killed between a log line and its file leaves behind, after the deferred catalog was made.
        archive.Log("dw", TestArchive.Entry(FileOf(21), TestArchive.Record("未写", Link(21), 2), Guid(21)));

        using var catalog = archive.Open();

        Assert.False(catalog.Deferred);
        Assert.Equal([(FileOf(21), Link(21))], catalog.Unwritten("dw"));
        Assert.Equal(20, catalog.Count("dw"));
    }

    [Fact]
    public void A_log_rewritten_after_the_deferred_catalog_was_made_is_read_whole_as_a_rebuild()
    {
        using var archive = new TestArchive();
        WriteFolder(archive, "dw", 20);
        using (var deferred = OpenDeferred(archive)) Assert.True(deferred.Deferred);
        // A rebase reordered the log's first lines, and then a line without its file was appended: which lines are new is unknown.
        var log = archive.Paths.IdentityLog("dw");
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, [lines[1], lines[0], .. lines[2..]]);
        archive.Log("dw", TestArchive.Entry(FileOf(21), TestArchive.Record("未写", Link(21), 2), Guid(21)));

        using var catalog = archive.Open();

        Assert.Empty(catalog.Unwritten("dw"));
        Assert.Equal(20, catalog.Count("dw"));
    }
}
