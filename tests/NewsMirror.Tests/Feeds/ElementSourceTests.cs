using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

/// <summary>Dates, categories, bodies and media read from every element feedparser reads them from.</summary>
public class ElementSourceTests
{
    private static DateTimeOffset Utc(int day, int hour) => new(2024, 5, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Published_and_updated_come_from_dublin_core_dcterms_and_atom_elements_in_rss()
    {
        var feed = FeedFixtures.Parse("dates-dc-dcterms.xml");
        Assert.Equal(
            [(Utc(1, 0), null), (Utc(1, 9), null), (Utc(1, 10), null), (Utc(1, 11), Utc(2, 11)), (Utc(1, 12), Utc(2, 12)), (Utc(1, 13), null)],
            feed.Items.Select(i => (i.Published, i.Updated)));
        Assert.Equal(Utc(3, 0), feed.Updated);
    }

    [Fact]
    public void Categories_come_from_category_dc_subject_media_and_itunes_once_each_in_document_order()
    {
        var item = Assert.Single(FeedFixtures.Parse("categories.xml").Items);
        Assert.Equal(["政治", "Economy", "Video/News", "News", "Daily News", "china", "trade", "economy", "In a group"], item.Categories);
    }

    [Fact]
    public void Content_comes_from_content_encoded_then_xhtml_body_then_fullitem()
    {
        var feed = FeedFixtures.Parse("rss-content-sources.xml");
        Assert.Equal(["<p>Full <b>xhtml</b> body</p>", "<p>Full item <i>html</i></p>", "<p>encoded</p>"], feed.Items.Select(i => i.Content));
        Assert.Equal("Short", feed.Items[0].Summary);
    }

    [Fact]
    public void Media_groups_content_and_thumbnails_nested_anywhere_become_enclosures()
    {
        var feed = FeedFixtures.Parse("media-groups.xml");
        Assert.Equal(
            [
                new FeedEnclosure("https://tube.example/v/1.mp4", "video/mp4", 123456),
                new FeedEnclosure("https://tube.example/v/1.webm", "video/*", null),
                new FeedEnclosure("https://tube.example/thumbs/1.jpg", "image/*", null),
            ],
            feed.Items[0].Enclosures);
        Assert.Equal(
            [new FeedEnclosure("https://tube.example/a/2.mp3", "audio/*", null), new FeedEnclosure("https://tube.example/thumbs/2.jpg", "image/*", null)],
            feed.Items[1].Enclosures);
    }
}
