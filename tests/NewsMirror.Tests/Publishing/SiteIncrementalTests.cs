namespace NewsMirror.Tests.Publishing;

public class SiteIncrementalTests
{
    private static TestArchive ArchiveWithArticles(int count)
    {
        var archive = new TestArchive();
        archive.AddSource("甲", "a");
        for (int i = 0; i < count; i++) archive.Write("a", 1000 + i, $"文章{i}", $"<p>正文{i}</p>", TestArchive.BaseMs - i * 3_600_000L);
        return archive;
    }

    private static Dictionary<string, DateTime> WriteTimes(TestArchive archive) =>
        Directory.GetFiles(archive.Site, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".newsmirror" + Path.DirectorySeparatorChar))
            .ToDictionary(f => Path.GetRelativePath(archive.Site, f), File.GetLastWriteTimeUtc);

    [Fact]
    public void A_rebuild_of_an_unchanged_archive_renders_and_writes_nothing()
    {
        using var archive = ArchiveWithArticles(30);
        var first = archive.Build();
        var before = WriteTimes(archive);

        var second = archive.Build();

        Assert.True(first.PagesWritten > 30);
        Assert.Equal(0, second.PagesRendered);
        Assert.Equal(0, second.PagesWritten);
        Assert.Equal(first.Pages, second.Pages);
        Assert.Equal(before, WriteTimes(archive));
    }

    [Fact]
    public void A_new_article_renders_its_own_page_and_the_lists_it_appears_on_but_not_unrelated_articles()
    {
        using var archive = ArchiveWithArticles(30);
        archive.Build();
        var before = WriteTimes(archive);

        archive.Write("a", 999, "最新的文章", "<p>新</p>", TestArchive.BaseMs + 60_000);
        var report = archive.Build();
        var after = WriteTimes(archive);

        Assert.Equal(31, report.Articles);
        Assert.True(File.Exists(archive.SitePath("articles/a/999.html")));
        Assert.Contains("最新的文章", archive.ReadSite("index.html"));
        Assert.Contains("最新的文章", archive.ReadSite("articles/a/1000.html")); // its neighbour now links to it
        Assert.Equal(before[Path.Combine("articles", "a", "1010.html")], after[Path.Combine("articles", "a", "1010.html")]);
        Assert.Equal(before[Path.Combine("articles", "a", "1029.html")], after[Path.Combine("articles", "a", "1029.html")]);
        Assert.True(report.PagesRendered < 20, $"rendered {report.PagesRendered} pages for one new article");
    }

    [Fact]
    public void A_vanished_article_loses_its_page_and_its_neighbours_stop_linking_to_it()
    {
        using var archive = ArchiveWithArticles(5);
        archive.Build();

        File.Delete(archive.ArticlePath("a", "1002.md"));
        var report = archive.Build();

        Assert.True(report.PagesDeleted >= 1);
        Assert.False(File.Exists(archive.SitePath("articles/a/1002.html")));
        Assert.DoesNotContain("1002.html", archive.ReadSite("articles/a/1001.html"));
        Assert.DoesNotContain("1002.html", archive.ReadSite("articles/a/1003.html"));
        Assert.DoesNotContain("文章2<", archive.ReadSite("index.html"));
    }

    [Fact]
    public void A_vanished_source_folder_loses_its_whole_page_folder()
    {
        using var archive = ArchiveWithArticles(3);
        archive.AddSource("乙", "b");
        archive.Write("b", 1, "乙的文章", "<p>b</p>");
        archive.Build();
        Assert.True(File.Exists(archive.SitePath("articles/b/1.html")));

        Directory.Delete(Path.Combine(archive.Root, "articles", "b"), recursive: true);
        archive.Build();

        Assert.False(Directory.Exists(archive.SitePath("articles/b")));
    }

    [Fact]
    public void A_touched_but_unchanged_file_is_not_rendered_again()
    {
        using var archive = ArchiveWithArticles(5);
        archive.Build();

        File.SetLastWriteTimeUtc(archive.ArticlePath("a", "1003.md"), DateTime.UtcNow.AddHours(1));
        var report = archive.Build();

        Assert.Equal(0, report.PagesRendered);
    }

    [Fact]
    public void An_edited_article_is_rendered_again_with_its_new_content()
    {
        using var archive = ArchiveWithArticles(5);
        archive.Build();

        archive.Write("a", 1003, "改过的标题", "<p>改过的正文</p>", TestArchive.BaseMs - 3 * 3_600_000L);
        File.SetLastWriteTimeUtc(archive.ArticlePath("a", "1003.md"), DateTime.UtcNow.AddHours(1));
        var report = archive.Build();

        Assert.True(report.PagesWritten > 0);
        var page = archive.ReadSite("articles/a/1003.html");
        Assert.Contains("改过的标题", page);
        Assert.Contains("改过的正文", page);
        Assert.Contains("改过的标题", archive.ReadSite("articles/a/1002.html"));
    }

    [Fact]
    public void Without_its_manifest_a_rebuild_renders_again_but_rewrites_no_unchanged_file()
    {
        using var archive = ArchiveWithArticles(5);
        archive.Build();
        var before = WriteTimes(archive);
        Directory.Delete(archive.SitePath(".newsmirror"), recursive: true);

        var report = archive.Build();

        Assert.True(report.PagesRendered > 5);
        Assert.Equal(0, report.PagesWritten);
        Assert.Equal(before, WriteTimes(archive));
    }
}
