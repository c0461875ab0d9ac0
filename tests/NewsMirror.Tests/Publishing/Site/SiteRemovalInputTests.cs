using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing.Site;

public class SiteRemovalInputTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 27, 2, 0, 0, TimeSpan.Zero);

    private static TestArchive Archive()
    {
        var archive = new TestArchive();
        archive.AddSource("法广", "rfi");
        archive.Write("rfi", 1, "一篇文章", "<p>正文。</p>");
        return archive;
    }

    [Fact]
    public void A_verdict_outside_removed_redirected_replaced_is_refused_naming_the_article()
    {
        using var archive = Archive();
        var options = archive.Options() with { Removals = [new SiteRemoval("rfi", 1, "gone", At, 404, null)] };
        var error = Assert.Throws<ArgumentException>(() => SiteBuilder.Build(options));
        Assert.Contains("rfi/1", error.Message);
        Assert.Contains("'gone'", error.Message);
    }

    [Fact]
    public void A_removal_naming_no_archived_article_is_reported_and_shown_nowhere()
    {
        using var archive = Archive();
        var stray = new SiteRemoval("rfi", 99, SiteRemoval.Verdicts.Removed, At, 410, null);
        var report = SiteBuilder.Build(archive.Options() with
        {
            Removals = [stray, new SiteRemoval("rfi", 1, SiteRemoval.Verdicts.Removed, At, 404, null)],
        });
        Assert.Equal([stray], report.UnmatchedRemovals);
        Assert.Contains("<aside class=\"removal\"", archive.ReadSite("articles/rfi/1.html"));
        Assert.DoesNotContain("410", archive.ReadSite("removed.html"));
    }

    [Fact]
    public void Of_two_verdicts_on_one_article_the_later_one_stands()
    {
        using var archive = Archive();
        SiteBuilder.Build(archive.Options() with
        {
            Removals =
            [
                new SiteRemoval("rfi", 1, SiteRemoval.Verdicts.Redirected, At.AddDays(1), 301, "https://example.org/"),
                new SiteRemoval("rfi", 1, SiteRemoval.Verdicts.Removed, At, 404, null),
            ],
        });
        var page = archive.ReadSite("articles/rfi/1.html");
        Assert.Contains(">redirected<", page);
        Assert.DoesNotContain(">removed<", page);
    }
}
