using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class Atom10Tests
{
    private readonly FeedDocument _feed = FeedFixtures.Parse("atom10.xml", baseUrl: "https://feeds.example.org/atom.xml");

    [Fact]
    public void Feed_fields_are_read()
    {
        Assert.Equal("atom1.0", _feed.Format);
        Assert.Equal("德国之声 Atom", _feed.Title);
        Assert.Equal("https://example.org/blog/", _feed.Link);
        Assert.Equal("<b>DW</b> news", _feed.Description);
        Assert.Equal("zh-TW", _feed.Language);
        Assert.Equal("DW Team", _feed.Author);
        Assert.Equal(new DateTimeOffset(2024, 9, 25, 10, 0, 0, TimeSpan.Zero), _feed.Updated);
        Assert.Equal(3, _feed.Items.Count);
    }

    [Fact]
    public void Html_link_wins_among_alternates_and_resolves_against_xml_base()
    {
        Assert.Equal("https://example.org/blog/2024/09/pvh.html", _feed.Items[0].Link);
    }

    [Fact]
    public void Entry_xml_base_overrides_the_feed_base()
    {
        Assert.Equal("https://example.org/other/second.html", _feed.Items[1].Link);
    }

    [Fact]
    public void Html_title_becomes_plain_text()
    {
        Assert.Equal("CK<b> 母公司 PVH", _feed.Items[0].Title);
        Assert.Equal("Second", _feed.Items[1].Title);
    }

    [Fact]
    public void Xhtml_content_is_the_html_of_the_div_children_with_urls_resolved_against_its_xml_base()
    {
        Assert.Equal("<p>第一段 <a href=\"https://x.example/?a=1&amp;b=2\">链接</a></p><br><img src=\"https://cdn.example.org/i.png\" alt=\"x\">", _feed.Items[0].Content);
    }

    [Fact]
    public void Text_summary_is_its_exact_text_escaped_as_html()
    {
        Assert.Equal("Plain &lt;summary&gt; text\r\nwith CRLF", _feed.Items[0].Summary);
        Assert.Equal("<p>HTML &amp; content</p>", _feed.Items[1].Content);
    }

    [Fact]
    public void Out_of_line_content_has_no_body()
    {
        Assert.Null(_feed.Items[2].Content);
    }

    [Fact]
    public void Published_falls_back_to_updated()
    {
        Assert.Equal(new DateTimeOffset(2024, 9, 25, 0, 30, 0, TimeSpan.Zero), _feed.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2024, 9, 25, 1, 0, 0, TimeSpan.Zero), _feed.Items[0].Updated);
        Assert.Equal(new DateTimeOffset(2024, 9, 24, 12, 0, 0, TimeSpan.Zero), _feed.Items[1].Published);
    }

    [Fact]
    public void Authors_come_from_author_then_contributor_then_the_feed()
    {
        Assert.Equal("DW Team", _feed.Items[0].Author);
        Assert.Equal("Helper", _feed.Items[1].Author);
        Assert.Equal("DW Team", _feed.Items[2].Author);
    }

    [Fact]
    public void Id_categories_and_enclosure_links_are_read()
    {
        var entry = _feed.Items[0];
        Assert.Equal("tag:example.org,2024:1", entry.Id);
        Assert.Equal("tag:example.org,2024:1", entry.Guid);
        Assert.Equal(["经济", "中国"], entry.Categories);
        Assert.Equal([new FeedEnclosure("https://example.org/blog/audio/pvh.mp3", "audio/mpeg", 1024)], entry.Enclosures);
    }
}
