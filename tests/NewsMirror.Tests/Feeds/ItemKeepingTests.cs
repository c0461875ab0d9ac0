using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class ItemKeepingTests
{
    [Fact]
    public void Empty_rss_items_are_kept_in_document_order()
    {
        var feed = FeedFixtures.Parse("empty-items.xml");
        Assert.Equal(["First", null, null, null, "Last"], feed.Items.Select(i => i.Title));
        Assert.Null(feed.Items[1].Link);
        Assert.Equal("only-a-guid", feed.Items[2].Guid);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), feed.Items[3].Published);
        Assert.DoesNotContain(feed.Errors, e => e.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_atom_entry_is_kept()
    {
        var feed = FeedFixtures.ParseText("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry></entry><entry><title>second</title></entry></feed>");
        Assert.Equal([null, "second"], feed.Items.Select(i => i.Title));
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void An_empty_json_feed_item_is_kept_and_a_non_object_entry_is_reported()
    {
        var feed = FeedFixtures.ParseText("""{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{},"oops",{"title":"x"}]}""");
        Assert.Equal([null, "x"], feed.Items.Select(i => i.Title));
        Assert.Equal(["items entry that is not an object ignored (String)"], feed.Errors);
    }
}
