using NewsMirror.Feeds;
using NewsMirror.Tests.Feeds;

namespace NewsMirror.Tests.Identity;

public class IdentityTests
{
    [Fact]
    public void A_repeated_guid_is_told_apart_by_link()
    {
        var feed = FeedFixtures.Parse("duplicate-guid.xml");
        Assert.Equal(["same#https://example.org/one", "same#https://example.org/two", "other"], feed.Items.Select(i => i.Id));
        Assert.Equal("same", feed.Items[1].Guid);
        Assert.Contains(feed.Errors, e => e.Contains("\"same\"") && e.Contains("different links"));
    }

    [Fact]
    public void Without_guid_or_link_the_id_is_a_stable_hash_of_title_and_content()
    {
        var first = Assert.Single(FeedFixtures.Parse("no-guid-no-link.xml").Items);
        var again = Assert.Single(FeedFixtures.Parse("no-guid-no-link.xml").Items);
        Assert.StartsWith("sha256:", first.Id);
        Assert.Equal(first.Id, again.Id);
        var changed = FeedFixtures.ParseText("<rss version=\"2.0\"><channel><item><title>Only a title</title><description>another body</description></item></channel></rss>");
        Assert.NotEqual(first.Id, Assert.Single(changed.Items).Id);
    }
}
