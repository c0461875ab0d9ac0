using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class BodyUrlTests
{
    private readonly FeedDocument _feed = FeedFixtures.Parse("xml-base-bodies.xml");

    [Fact]
    public void Relative_href_src_srcset_poster_and_cite_resolve_against_xml_base_and_the_rest_stays_as_written()
    {
        Assert.Equal(
            "<p><img src=\"https://news.example/img/a.jpg\" srcset=\"https://news.example/img/a-640.jpg 640w, https://cdn.example/a-1280.jpg 1280w\" alt=\"a\"></p>" +
            "<video poster='https://news.example/section/poster.png' src=https://news.example/section/clip.mp4 controls></video>" +
            "<blockquote cite=\"https://quotes.example/q\">q</blockquote><img src=\"https://cdn.example/absolute.jpg\">" +
            "<p>Text with <code>src=\"not-an-attribute.png\"</code> stays</p>",
            _feed.Items[0].Content);
    }

    [Fact]
    public void Fragments_and_urls_with_a_scheme_are_left_alone_and_escaped_ampersands_survive()
    {
        Assert.Equal(
            "<p><a href=\"https://news.example/section/story.html?a=1&amp;b=2\">more</a> <a href=\"#notes\">notes</a> <a href=\"mailto:desk@news.example\">mail</a></p>",
            _feed.Items[0].Summary);
    }

    [Fact]
    public void An_item_xml_base_overrides_the_channel_one_and_the_feed_description_is_resolved_too()
    {
        Assert.Equal("<img src=\"https://other.example/deep/up.png\"><a href='https://other.example/root'>root</a>", _feed.Items[1].Summary);
        Assert.Equal("https://other.example/deep/dir/page.html", _feed.Items[1].Link);
        Assert.Equal("<a href=\"https://news.example/section/about.html\">About</a>", _feed.Description);
    }

    [Fact]
    public void Without_xml_base_a_body_keeps_its_relative_urls_for_the_body_stage()
    {
        // The feed's address is often another host than the outlet's (a feed service): the body stage resolves
        // these against the article's address, and cleanup: none keeps them exactly as published.
        const string xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title><link>/a/1.html</link><description>&lt;a href=\"/x\"&gt;x&lt;/a&gt;</description></item></channel></rss>";
        var item = Assert.Single(FeedFixtures.ParseText(xml, "https://feeds.example/outlet/rss").Items);
        Assert.Equal("<a href=\"/x\">x</a>", item.Summary);
        Assert.Equal("https://feeds.example/a/1.html", item.Link);
    }

    [Fact]
    public void Json_feed_html_is_kept_as_written()
    {
        const string json = """{"version":"https://jsonfeed.org/version/1.1","title":"t","feed_url":"https://j.example/feed.json","items":[{"id":"1","content_html":"<img src=\"pic.png\">"}]}""";
        Assert.Equal("<img src=\"pic.png\">", Assert.Single(FeedFixtures.ParseText(json).Items).Content);
    }
}
