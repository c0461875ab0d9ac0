using NewsMirror.Catalog;

namespace NewsMirror.Tests.Catalog;

/// <summary>
/// A run's identity look-ups are answered from the folder's newest rows held in memory; they must give the answers the
/// catalog's indexes give, in a folder larger than what is held and after the catalog changes the folder.
/// </summary>
public class CatalogFolderLookupTests
{
    [Fact]
    public void A_folder_larger_than_the_held_rows_still_finds_its_oldest_articles_by_guid_and_by_link()
    {
        using var archive = new TestArchive();
        int count = RecentRows.Limit + 5;
        for (int i = 0; i < count; i++)
        {
            long id = 1048574 - i;
            archive.Article("dw", $"{id}.md", TestArchive.Record($"标题{i}", $"https://www.dw.com/zh/a-{i}", 1_700_000_000_000 + i), guid: $"g{i}");
        }
        using var catalog = archive.Open();
        var folder = catalog.Folder("dw");

        // The first articles written have the largest ids: the oldest, beyond the newest rows held.
        Assert.Equal("1048574.md", folder.FindRow("g0", "https://elsewhere.example/x", "其他", null)?.File);
        Assert.Equal("1048573.md", folder.FindRow(null, "https://www.dw.com/zh/a-1", "其他", null)?.File);
        Assert.Equal("1048572.md", folder.FindRow("new-guid", "https://www.dw.com/zh/a-2", "标题2", null)?.File);
        // Two guids sharing a link are two articles, unless the title is the same.
        Assert.Null(folder.FindRow("new-guid", "https://www.dw.com/zh/a-3", "其他", null));
        // The newest are answered from the held rows.
        long newest = 1048574 - (count - 1);
        Assert.Equal($"{newest}.md", folder.FindRow($"g{count - 1}", "", "", null)?.File);
        Assert.Equal($"{newest}.md", folder.FindRow(null, "https://elsewhere.example/y", $"标题{count - 1}", 1_700_000_000_000 + count - 1)?.File);
        Assert.Null(folder.FindRow("unknown", "https://www.dw.com/zh/unknown", "未知", null));
    }

    [Fact]
    public void Articles_caught_up_after_the_first_look_up_are_found()
    {
        using var archive = new TestArchive();
        archive.Article("voa", "1048574.md", TestArchive.Record("一", "https://www.voachinese.com/1", 1), guid: "g1");
        using var catalog = archive.Open();
        var folder = catalog.Folder("voa");
        Assert.Null(folder.FindRow("g2", "https://www.voachinese.com/2", "二", 2));

        archive.Article("voa", "1048573.md", TestArchive.Record("二", "https://www.voachinese.com/2", 2), guid: "g2");
        folder.CatchUp();

        Assert.Equal("1048573.md", folder.FindRow("g2", "", "", null)?.File);
        Assert.Equal("1048574.md", folder.FindRow("g1", "", "", null)?.File);
    }

    [Fact]
    public void What_the_source_gave_last_is_in_the_rows_found_afterwards()
    {
        using var archive = new TestArchive();
        archive.Article("rfi", "1048574.md", TestArchive.Record("一", "https://www.rfi.fr/cn/1", 1), guid: "g1");
        using var catalog = archive.Open();
        var folder = catalog.Folder("rfi");
        var row = folder.FindRow("g1", "", "", null)!;

        folder.RememberSeen(row, "一", "seen-hash");

        Assert.Equal("seen-hash", folder.FindRow("g1", "", "", null)?.SeenHash);
        Assert.Equal("seen-hash", catalog.Folder("rfi").FindRow("g1", "", "", null)?.SeenHash);
    }
}
