using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

/// <summary>
/// Feeds take their entries' sanitized bodies from the previous build (<see cref="FeedBodies"/>): whatever happened to
/// the article files in between, the feeds and article pages must be those a single build of the archive makes.
/// </summary>
public class FeedBodiesTests
{
    [Fact]
    public void After_new_articles_the_carried_over_bodies_make_the_feeds_of_a_full_build()
    {
        using var archive = ArchiveWithFeeds();
        archive.Build();
        Assert.True(File.Exists(archive.SitePath(".newsmirror/feed-bodies.bin")));

        archive.Write("a", 900, "新闻 fresh", "<p>新的正文 <script>alert(1)</script></p>", TestArchive.BaseMs + 3_600_000);
        archive.Build();

        AssertFeedsAndPagesEqualAFullBuild(archive, "a/900.html");
        Assert.Contains("新的正文", archive.ReadSite(SitePaths.Feed));
        Assert.DoesNotContain("alert(1)", archive.ReadSite(SitePaths.Feed));
    }

    [Fact]
    public void A_feed_entry_edited_by_hand_is_sanitized_afresh()
    {
        using var archive = ArchiveWithFeeds();
        archive.Build();

        // Same id and time, a different body and link: the file's content hash changes, so its carried-over body must not be used.
        archive.Write("b", 1003, "旧闻3", "<p>改过的正文 edited by hand</p>", TestArchive.BaseMs - 3 * 3_600_000L, link: "https://example.org/news/edited");
        archive.Build();

        AssertFeedsAndPagesEqualAFullBuild(archive, "b/1003.html");
        var feed = archive.ReadSite(SitePaths.SourceFeed("b"));
        Assert.Contains("改过的正文 edited by hand", feed);
        Assert.Contains("https://example.org/news/edited", feed);
        Assert.DoesNotContain("正文3，", feed);
    }

    [Fact]
    public void A_deleted_feed_entry_leaves_the_feeds_of_a_full_build()
    {
        using var archive = ArchiveWithFeeds();
        archive.Build();

        File.Delete(archive.ArticlePath("a", "1000.md"));
        archive.Build();

        AssertFeedsAndPagesEqualAFullBuild(archive, "a/1002.html");
        Assert.DoesNotContain("正文0，", archive.ReadSite(SitePaths.Feed));
    }

    /// <summary>Two sources of a few articles each: every article is in its source's feed and in the site's feed.</summary>
    private static TestArchive ArchiveWithFeeds()
    {
        var archive = new TestArchive();
        archive.AddSource("甲", "a");
        archive.AddSource("乙", "b");
        for (int i = 0; i < 8; i++)
            archive.Write(i % 2 == 0 ? "a" : "b", 1000 + i, $"旧闻{i}", $"<p>正文{i}，<img src=\"https://example.org/{i}.jpg\" onerror=\"x()\"></p>",
                TestArchive.BaseMs - 3_600_000L * i);
        return archive;
    }

    private static void AssertFeedsAndPagesEqualAFullBuild(TestArchive archive, string articlePage)
    {
        using var full = new TestArchive();
        SiteBuilder.Build(archive.Options() with { OutputDirectory = full.Site });
        foreach (var file in new[] { SitePaths.Feed, SitePaths.SourceFeed("a"), SitePaths.SourceFeed("b"), "articles/" + articlePage })
            Assert.Equal(full.ReadSite(file), archive.ReadSite(file));
    }
}
