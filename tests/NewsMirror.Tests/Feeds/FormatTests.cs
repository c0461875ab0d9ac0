using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class FormatTests
{
    [Fact]
    public void Rss_091_with_netscape_doctype_and_html_entities()
    {
        var feed = FeedFixtures.Parse("rss091.xml");
        Assert.Equal("rss0.9x", feed.Format);
        Assert.Equal("WriteTheWeb", feed.Title);
        Assert.Equal("en-us", feed.Language);
        Assert.Equal("dishes@writetheweb.com", feed.Author);
        var item = Assert.Single(feed.Items);
        Assert.Equal("http://writetheweb.com/read.php?item=24", item.Link);
        Assert.Equal("WorldOS is a framework on which to build programs that work like Freenet or Gnutella\u00A0\u2014allowing distributed applications.", item.Summary);
    }

    [Fact]
    public void Rss_element_names_match_regardless_of_case()
    {
        var feed = FeedFixtures.ParseText("<rss version=\"2.0\"><channel><Title>Feed</Title><Item><Title>Mixed case</Title><Link>https://example.org/1</Link><pubdate>Tue, 26 Mar 2024 08:45:01 GMT</pubdate></Item></channel></rss>");
        Assert.Equal("Feed", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Mixed case", item.Title);
        Assert.Equal("https://example.org/1", item.Link);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 8, 45, 1, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Rss_link_written_atom_style_uses_its_href()
    {
        var feed = FeedFixtures.ParseText("<rss version=\"2.0\"><channel><link href=\"https://example.org/\"/><item><title>t</title><link href=\"/a\"/></item></channel></rss>", baseUrl: "https://example.org/feed");
        Assert.Equal("https://example.org/", feed.Link);
        Assert.Equal("https://example.org/a", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Rss_090_is_rdf_with_the_netscape_namespace()
    {
        var feed = FeedFixtures.Parse("rss090.rdf");
        Assert.Equal("rss0.9x", feed.Format);
        Assert.Equal("Mozilla Dot Org", feed.Title);
        Assert.Equal("http://www.mozilla.org", feed.Link);
        Assert.Equal(["New Status Updates", "Bugzilla Reorganized"], feed.Items.Select(i => i.Title));
        Assert.Equal("http://www.mozilla.org/bugs/", feed.Items[1].Link);
    }

    [Fact]
    public void Rss_10_reads_content_dublin_core_and_syndication()
    {
        var feed = FeedFixtures.Parse("rss10.rdf");
        Assert.Equal("rss1.0", feed.Format);
        Assert.Equal("はてな RSS 1.0", feed.Title);
        Assert.Equal("ja", feed.Language);
        Assert.Equal("編集部", feed.Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 9, 0, 0, TimeSpan.FromHours(9)), feed.Updated);
        Assert.Equal(TimeSpan.FromMinutes(30), feed.UpdatePeriod);
        Assert.Equal(2, feed.Items.Count);
        var item = feed.Items[0];
        Assert.Equal("要約です", item.Summary);
        Assert.Equal("<p>本文です</p>", item.Content);
        Assert.Equal("山田太郎", item.Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 8, 15, 0, TimeSpan.FromHours(9)), item.Published);
        Assert.Equal(["技術", "ニュース"], item.Categories);
        Assert.Equal("https://example.jp/entry/1", item.Id);
    }

    [Fact]
    public void Rss_10_item_without_link_uses_rdf_about()
    {
        var item = FeedFixtures.Parse("rss10.rdf").Items[1];
        Assert.Equal("https://example.jp/entry/2", item.Link);
        Assert.Equal("https://example.jp/entry/2", item.Guid);
        Assert.Equal(new DateTimeOffset(2024, 3, 25, 0, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Atom_03_reads_tagline_issued_and_content_modes()
    {
        var feed = FeedFixtures.Parse("atom03.xml");
        Assert.Equal("atom0.3", feed.Format);
        Assert.Equal("A <em>lot</em> of effort", feed.Description);
        Assert.Equal("http://diveintomark.org/", feed.Link);
        Assert.Equal("en", feed.Language);
        Assert.Equal(new DateTimeOffset(2003, 12, 13, 18, 30, 2, TimeSpan.Zero), feed.Updated);
        Assert.Equal(3, feed.Items.Count);
        Assert.Equal(new DateTimeOffset(2003, 12, 13, 8, 29, 29, TimeSpan.FromHours(-4)), feed.Items[0].Published);
        Assert.Equal("<p>Escaped &amp; HTML</p>", feed.Items[0].Content);
        Assert.Equal("Some text.", feed.Items[0].Summary);
        Assert.Equal("Mark Pilgrim", feed.Items[0].Author);
        Assert.Equal("<p>Base64 内容</p>", feed.Items[1].Content);
        Assert.Equal(feed.Items[1].Updated, feed.Items[1].Published);
        Assert.Equal("<p>Inline <b>XML</b></p>", feed.Items[2].Content);
    }

    [Fact]
    public void Json_feed_11()
    {
        var feed = FeedFixtures.Parse("jsonfeed-1.1.json");
        Assert.Equal("json", feed.Format);
        Assert.Equal("美国之音 JSON", feed.Title);
        Assert.Equal("https://www.voachinese.com/", feed.Link);
        Assert.Equal("zh-CN", feed.Language);
        Assert.Equal("VOA", feed.Author);
        var first = feed.Items[0];
        Assert.Equal("2", first.Id);
        Assert.Equal("https://www.voachinese.com/a/article-2.html", first.Link);
        Assert.Equal("第二篇 & more", first.Title);
        Assert.Equal("<p>正文\r\n第二行</p>", first.Content);
        Assert.Equal("摘要", first.Summary);
        Assert.Equal("记者", first.Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 1, 42, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["政治", "美国"], first.Categories);
        Assert.Equal([new FeedEnclosure("https://www.voachinese.com/a.mp3", "audio/mpeg", 2048)], first.Enclosures);
        var second = feed.Items[1];
        Assert.Equal("1", second.Id);
        Assert.Equal("Only text &lt;not html&gt;", second.Content);
        Assert.Equal(second.Updated, second.Published);
    }

    [Fact]
    public void Json_feed_10_author_object()
    {
        var feed = FeedFixtures.Parse("jsonfeed-1.0.json");
        Assert.Equal("json", feed.Format);
        Assert.Equal("Old Author", feed.Author);
        Assert.Equal(new DateTimeOffset(2017, 5, 17, 15, 2, 12, TimeSpan.Zero), Assert.Single(feed.Items).Published);
    }

    [Fact]
    public void Media_rss_contents_groups_and_thumbnails_become_enclosures_once_each()
    {
        var item = Assert.Single(FeedFixtures.Parse("mediarss.xml", baseUrl: "https://video.example/feed").Items);
        Assert.Equal(
        [
            new FeedEnclosure("https://video.example/clip.mp4", "video/mp4", null),
            new FeedEnclosure("https://video.example/thumb.jpg", "image/*", null),
            new FeedEnclosure("https://video.example/clip-hd.mp4", "video/mp4", 5000),
            new FeedEnclosure("https://video.example/clip.webm", "video/*", null),
        ], item.Enclosures);
    }
}
