using System.Text;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Catalog;

/// <summary>The catalog follows the committed identity logs: rebuilt from them, caught up incrementally, never ahead of the files.</summary>
public class CatalogCatchUpTests
{
    [Fact]
    public void A_fresh_clone_is_rebuilt_from_the_logs_and_knows_guids_the_files_do_not_hold()
    {
        using var archive = new TestArchive();
        archive.Article("rfi", "1048574.md", TestArchive.Record("一", "https://www.rfi.fr/cn/1", 1711442701000), guid: "guid-1");
        archive.Article("rfi", "1048573.md", TestArchive.Record("二", "https://www.rfi.fr/cn/2", 1711448101000), guid: "guid-2");

        using var catalog = archive.Open();
        var folder = catalog.Folder("rfi");

        Assert.Equal(2, folder.Count);
        Assert.Equal(1048573, folder.SmallestId);
        Assert.Equal("1048574.md", folder.FindRow("guid-1", "https://elsewhere.example/x", "other", null)?.File);
        Assert.Equal("法广", folder.FindRow("guid-2", "", "", null)?.Source);
        Assert.True(File.Exists(ArchiveCatalog.PathOf(archive.Paths)));
        Assert.Contains(".newsmirror/catalog.db*", File.ReadAllText(Path.Combine(archive.Root, ".gitignore")));
    }

    [Fact]
    public void New_log_lines_are_applied_on_the_next_catch_up()
    {
        using var archive = new TestArchive();
        archive.Article("dw", "1048574.md", TestArchive.Record("一", "https://www.dw.com/zh/a-1", 1));
        using var catalog = archive.Open();
        Assert.Equal(1, catalog.Folder("dw").Count);

        archive.Article("dw", "1048573.md", TestArchive.Record("二", "https://www.dw.com/zh/a-2", 2), guid: "g2");
        var folder = catalog.Folder("dw");

        Assert.Equal(2, folder.Count);
        Assert.Equal("1048573.md", folder.FindRow("g2", "", "", null)?.File);
    }

    [Fact]
    public void A_logged_article_whose_file_was_never_written_is_not_archived_and_its_id_is_free()
    {
        using var archive = new TestArchive();
        archive.Article("dw", "1048574.md", TestArchive.Record("一", "https://www.dw.com/zh/a-1", 1));
        // A run stopped between the log append and the file write.
        archive.Log("dw", TestArchive.Entry("1048573.md", TestArchive.Record("二", "https://www.dw.com/zh/a-2", 2), "g2"));

        using var catalog = archive.Open();
        var folder = catalog.Folder("dw");

        Assert.Null(folder.FindRow("g2", "https://www.dw.com/zh/a-2", "二", 2));
        Assert.False(folder.HasId(1048573));
        Assert.Equal(1048574, folder.SmallestId);
    }

    [Fact]
    public void Files_without_log_lines_are_indexed_from_their_headers_and_keep_their_ids()
    {
        using var archive = new TestArchive();
        archive.Article("rfi", "1000000.md", TestArchive.Record("旧", "https://www.rfi.fr/cn/a", 1695719701000), logged: false);
        archive.Article("rfi", "999999_标题.md", TestArchive.Record("新", "https://www.rfi.fr/cn/b", 1698488101000), logged: false);
        archive.Write("rfi", "999998.md", "not an article\n");

        using var catalog = archive.Open();
        var folder = catalog.Folder("rfi");

        Assert.Equal(999998, folder.SmallestId);
        Assert.Equal("999999_标题.md", folder.FindRow(null, "http://www.rfi.fr/cn/b#top", "x", null)?.File);
        Assert.Equal(["999998.md", "999999_标题.md", "1000000.md"], folder.Newest(10).Select(r => r.File));
    }

    [Fact]
    public void A_log_rewritten_before_the_applied_point_rebuilds_the_folder()
    {
        using var archive = new TestArchive();
        var record = archive.Article("nyt", "1048574.md", TestArchive.Record("原题", "https://cn.nytimes.com/a", 1));
        using var catalog = archive.Open();
        Assert.Equal("原题", catalog.Folder("nyt").Newest(1).First().Title);

        // History rewritten (e.g. a rebase): same length, different content before the applied point.
        var log = archive.Paths.IdentityLog("nyt");
        File.WriteAllText(log, File.ReadAllText(log).Replace("原题", "新题"));

        Assert.Equal("新题", catalog.Folder("nyt").Newest(1).First().Title);
        Assert.Equal(record.Link, catalog.Folder("nyt").Newest(1).First().Link);
    }

    [Fact]
    public void A_log_that_shrank_rebuilds_the_folder()
    {
        using var archive = new TestArchive();
        archive.Article("nyt", "1048574.md", TestArchive.Record("一", "https://cn.nytimes.com/1", 1), guid: "g1");
        using var catalog = archive.Open();
        Assert.NotNull(catalog.Folder("nyt").FindRow("g1", "", "", null));

        File.WriteAllText(archive.Paths.IdentityLog("nyt"), "");

        var folder = catalog.Folder("nyt");
        Assert.Null(folder.FindRow("g1", "", "", null));
        Assert.NotNull(folder.FindRow(null, "https://cn.nytimes.com/1", "", null));
    }

    [Fact]
    public void A_torn_last_line_waits_and_is_skipped_once_sealed()
    {
        using var archive = new TestArchive();
        archive.Article("voa", "1048574.md", TestArchive.Record("一", "https://www.voachinese.com/1", 1));
        File.AppendAllText(archive.Paths.IdentityLog("voa"), "{\"id\":1048573,\"file\":\"1048573.md\",\"li", Encoding.UTF8);
        using var catalog = archive.Open();
        Assert.Equal(1, catalog.Folder("voa").Count);

        archive.Article("voa", "1048573.md", TestArchive.Record("二", "https://www.voachinese.com/2", 2), guid: "g2");

        Assert.Equal("1048573.md", catalog.Folder("voa").FindRow("g2", "", "", null)?.File);
    }

    [Fact]
    public void A_damaged_catalog_file_is_replaced_and_rebuilt()
    {
        using var archive = new TestArchive();
        archive.Article("bbc", "1048574.md", TestArchive.Record("一", "https://www.bbc.com/zhongwen/1", 1));
        Directory.CreateDirectory(archive.Paths.StateFolder);
        File.WriteAllText(ArchiveCatalog.PathOf(archive.Paths), "this is not a database, but it is long enough to look like a file header...");

        using var catalog = archive.Open();

        Assert.Equal(1, catalog.Folder("bbc").Count);
    }

    [Fact]
    public void Old_log_lines_without_hashes_are_still_read()
    {
        using var archive = new TestArchive();
        archive.Article("ft", "1048574.md", TestArchive.Record("一", "https://www.ftchinese.com/1", 1), logged: false);
        Directory.CreateDirectory(Path.GetDirectoryName(archive.Paths.IdentityLog("ft"))!);
        File.WriteAllText(archive.Paths.IdentityLog("ft"),
            "{\"id\":1048574,\"file\":\"1048574.md\",\"guid\":\"old-guid\",\"link\":\"https://www.ftchinese.com/1\",\"title\":\"一\",\"published\":1,\"archived\":\"2024-03-26T12:00:00+00:00\"}\n");

        using var catalog = archive.Open();

        var row = catalog.Folder("ft").FindRow("old-guid", "", "", null);
        Assert.NotNull(row);
        Assert.Null(row.Hash);
    }
}
