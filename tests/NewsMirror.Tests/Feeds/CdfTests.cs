using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class CdfTests
{
    private readonly FeedDocument _feed = FeedFixtures.Parse("cdf.xml");

    [Fact]
    public void The_channel_title_abstract_href_and_lastmod_are_the_feed_header()
    {
        Assert.Equal("cdf", _feed.Format);
        Assert.Equal("CDF Channel", _feed.Title);
        Assert.Equal("A channel in Microsoft's Channel Definition Format", _feed.Description);
        Assert.Equal("http://cdf.example/", _feed.Link);
        Assert.Equal(new DateTimeOffset(1998, 11, 5, 22, 12, 0, TimeSpan.Zero), _feed.Updated);
        Assert.Empty(_feed.Errors);
    }

    [Fact]
    public void Items_of_the_channel_and_its_sub_channels_are_read_with_their_href_and_lastmod()
    {
        Assert.Equal(["First item", "Second item", "Nested item"], _feed.Items.Select(i => i.Title));
        Assert.Equal(["http://cdf.example/one.html", "http://cdf.example/two.html", "http://cdf.example/sub/three.html"], _feed.Items.Select(i => i.Link));
        Assert.Equal("The first abstract", _feed.Items[0].Summary);
        Assert.Equal(new DateTimeOffset(1998, 11, 4, 10, 0, 0, TimeSpan.Zero), _feed.Items[0].Published);
        Assert.Null(_feed.Items[1].Published);
    }

    [Fact]
    public void A_lower_case_channel_root_with_an_href_is_cdf_and_without_one_is_rss()
    {
        Assert.Equal("cdf", FeedFixtures.ParseText("<channel href=\"http://c.example/\"><title>c</title><item href=\"http://c.example/1\"><title>1</title></item></channel>").Format);
        Assert.Equal("rss2.0", FeedFixtures.ParseText("<channel><title>r</title><item><title>1</title></item></channel>").Format);
    }
}
