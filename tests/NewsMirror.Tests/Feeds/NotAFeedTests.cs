using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class NotAFeedTests
{
    [Fact]
    public void Html_page_error_lists_its_advertised_feeds_as_absolute_urls()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedFixtures.Parse("html-page.html", baseUrl: "https://chinadigitaltimes.net/chinese/"));
        Assert.Contains("HTML page", error.Message);
        Assert.Contains("https://chinadigitaltimes.net/chinese/feed/", error.Message);
        Assert.Contains("https://example.org/atom.xml", error.Message);
        Assert.Contains("https://chinadigitaltimes.net/chinese/feed.json", error.Message);
        Assert.DoesNotContain("style.css", error.Message);
        Assert.DoesNotContain("wp-json", error.Message);
    }

    [Fact]
    public void Json_that_is_not_a_json_feed_is_refused()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedFixtures.Parse("not-a-feed.json"));
        Assert.Contains("not a JSON Feed", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public void Empty_body_is_refused(string body)
    {
        var error = Assert.Throws<FeedParseException>(() => FeedFixtures.ParseText(body));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Other_xml_is_refused_with_its_root_name()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedFixtures.ParseText("<?xml version=\"1.0\"?><urlset><url><loc>https://example.org/</loc></url></urlset>"));
        Assert.Contains("<urlset>", error.Message);
    }

    [Fact]
    public void Plain_text_is_refused()
    {
        Assert.Throws<FeedParseException>(() => FeedFixtures.ParseText("Service Unavailable"));
    }
}
