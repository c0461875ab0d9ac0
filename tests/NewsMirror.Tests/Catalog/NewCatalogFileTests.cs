using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Catalog;

/// <summary>A catalog built from nothing in one pass (a fresh clone) holds what one caught up line by line holds, and is complete or absent.</summary>
public class NewCatalogFileTests
{
    [Fact]
    public void A_catalog_built_in_one_pass_equals_one_caught_up_line_by_line()
    {
        using var archive = new TestArchive();
        var first = archive.Article("dw", "1048574.md", TestArchive.Record("一", "https://www.dw.com/zh/a-1", 1), guid: "g1");
        // A file without a log line (catch-ups only read log lines, so it is there from the start).
        archive.Article("dw", "1048571.md", TestArchive.Record("四", "https://www.dw.com/zh/a-4", 4), logged: false);
        var caughtUp = archive.Open();

        var second = archive.Article("dw", "1048573.md", TestArchive.Record("二", "https://www.dw.com/zh/a-2", 2), guid: "g2");
        caughtUp.CatchUpAll();
        // The source revised both: the first was rewritten, the second kept as archived.
        var revised = TestArchive.Record("一（更新）", "https://www.dw.com/zh/a-1", 1);
        archive.Write("dw", "1048574.md", ArticleFile.Render(revised));
        archive.Log("dw",
            TestArchive.Entry("1048574.md", revised, "g1") with { Change = IdentityLogEntry.Changes.Update, Seen = "seen-1b", Archived = TestArchive.Archived.AddHours(1) },
            TestArchive.Entry("1048573.md", TestArchive.Record("二（改）", second.Link, 2), "g2") with { Change = IdentityLogEntry.Changes.Ignore, Hash = null, Seen = "seen-2b", Archived = TestArchive.Archived.AddHours(2) });
        caughtUp.CatchUpAll();
        // An import's found line for a logged file, a line whose file was never written.
        archive.Log("dw", TestArchive.Entry("1048573.md", second, "g2") with { Origin = IdentityLogEntry.Origins.Found });
        archive.Log("dw", TestArchive.Entry("1048572.md", TestArchive.Record("三", "https://www.dw.com/zh/a-3", 3), "g3"));
        archive.Article("rfi", "1048574.md", TestArchive.Record("法", "https://www.rfi.fr/cn/1", 5), guid: "r1");
        caughtUp.CatchUpAll();
        var folders = new[] { "dw", "rfi" };
        var expected = folders.SelectMany(caughtUp.Rows).ToList();
        var expectedRevisions = expected.SelectMany(row => Revisions.Of(caughtUp, row.Folder, row.File)).ToList();
        caughtUp.Dispose();

        File.Delete(ArchiveCatalog.PathOf(archive.Paths));
        using var built = archive.Open();

        Assert.Equal(4, built.Count());
        Assert.Equal(expected, folders.SelectMany(built.Rows));
        Assert.Equal(expectedRevisions, expected.SelectMany(row => Revisions.Of(built, row.Folder, row.File)));
        Assert.Equal(2, Revisions.Of(built, "dw", "1048574.md").Count + Revisions.Of(built, "dw", "1048573.md").Count);
        Assert.Equal("一（更新）", built.Folder("dw").FindRow("g1", "", "", null)?.Title);
        Assert.Equal(first.Link, built.Folder("dw").FindRow(null, first.Link, "", null)?.Link);
        Assert.False(built.Folder("dw").HasId(1048572));
    }

    [Fact]
    public void A_catalog_file_whose_build_did_not_finish_is_built_again()
    {
        using var archive = new TestArchive();
        archive.Article("bbc", "1048574.md", TestArchive.Record("一", "https://www.bbc.com/zhongwen/1", 1), guid: "b1");
        archive.Article("bbc", "1048573.md", TestArchive.Record("二", "https://www.bbc.com/zhongwen/2", 2), guid: "b2");
        Directory.CreateDirectory(archive.Paths.StateFolder);
        // Tables and part of the rows, but never marked complete.
        using (var partial = new SqliteConnection($"Data Source={ArchiveCatalog.PathOf(archive.Paths)};Pooling=False"))
        {
            partial.Open();
            CatalogSchema.CreateTables(partial);
            CatalogSql.Execute(partial, null, "INSERT INTO articles(folder, file, id, source, link, link_key, title) VALUES ('bbc', '1048574.md', 1048574, 'BBC', 'x', 'x', '一')");
        }

        using var catalog = archive.Open();

        var folder = catalog.Folder("bbc");
        Assert.Equal(2, folder.Count);
        Assert.Equal("1048573.md", folder.FindRow("b2", "", "", null)?.File);
        Assert.Equal(CatalogSchema.Version, Convert.ToInt32(CatalogSql.Scalar(catalog.Connection, "PRAGMA user_version")));
    }

    [Fact]
    public void The_temporary_file_of_a_killed_build_is_replaced_by_a_complete_catalog()
    {
        using var archive = new TestArchive();
        archive.Article("voa", "1048574.md", TestArchive.Record("一", "https://www.voachinese.com/1", 1));
        Directory.CreateDirectory(archive.Paths.StateFolder);
        var abandoned = ArchiveCatalog.PathOf(archive.Paths) + ".new";
        File.WriteAllText(abandoned, "half a database");

        using var catalog = archive.Open();

        Assert.False(File.Exists(abandoned));
        Assert.Equal(1, catalog.Folder("voa").Count);
    }

    [Fact]
    public void Opened_without_building_a_new_catalog_builds_each_folder_when_it_is_first_caught_up()
    {
        using var archive = new TestArchive();
        archive.Article("ft", "1048574.md", TestArchive.Record("一", "https://www.ftchinese.com/1", 1), guid: "f1");

        using var catalog = ArchiveCatalog.Open(archive.Paths, BuiltInSources.All, buildFolders: false);

        Assert.Equal(0, catalog.Count());
        Assert.Equal("1048574.md", catalog.Folder("ft").FindRow("f1", "", "", null)?.File);
    }
}
