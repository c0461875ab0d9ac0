using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class RecoveryTests
{
    [Fact]
    public void Html_entities_are_decoded_and_bare_ampersands_kept()
    {
        var feed = FeedFixtures.Parse("recovery-entities.xml");
        var item = Assert.Single(feed.Items);
        Assert.Equal("A\u00A0B\u2014C \u2026 \u2242\u0338 Q&A &foo; &copy", item.Title);
        Assert.Equal("https://example.org/1?a=1&b=2", item.Link);
        Assert.Equal("<p>x\u00A0y</p> \u2013 \U0001F600", item.Summary);
        Assert.Contains("undefined entity &nbsp; decoded", feed.Errors);
        Assert.Contains("undefined entity &mdash; decoded", feed.Errors);
        Assert.Contains("bare & kept as text", feed.Errors);
        Assert.Contains("unknown entity &foo; kept as text", feed.Errors);
    }

    [Fact]
    public void Illegal_xml_characters_are_dropped()
    {
        var feed = FeedFixtures.Parse("recovery-illegal-chars.xml");
        var item = Assert.Single(feed.Items);
        Assert.Equal("Bad chars here", item.Title);
        Assert.Equal("cdata too ref", item.Summary);
        Assert.Contains("illegal XML character U+0001 dropped", feed.Errors);
        Assert.Contains("illegal character reference &#1; dropped", feed.Errors);
    }

    [Fact]
    public void Junk_before_the_root_element_is_skipped()
    {
        var feed = FeedFixtures.Parse("recovery-junk-before-root.xml");
        Assert.Equal("Junk first", feed.Title);
        Assert.Equal("Still parsed", Assert.Single(feed.Items).Title);
        Assert.Contains("junk before the root element skipped", feed.Errors);
    }

    [Fact]
    public void A_truncated_document_yields_its_complete_items()
    {
        var feed = FeedFixtures.Parse("recovery-truncated.xml");
        Assert.Equal(["Item 1", "Item 2", "Item 3"], feed.Items.Select(i => i.Title));
        Assert.Equal("Body 3", feed.Items[2].Summary);
        Assert.Contains("document truncated after 3 items", feed.Errors);
    }

    [Fact]
    public void Double_escaped_titles_are_decoded_once_more()
    {
        var feed = FeedFixtures.Parse("recovery-double-escaped.xml");
        Assert.Equal("Tom & Jerry <b>bold</b> \u201Cq\u201D", feed.Items[0].Title);
        Assert.Equal("AT&T stays", feed.Items[1].Title);
        Assert.Contains("double-escaped title decoded", feed.Errors);
    }

    [Fact]
    public void Cdata_is_unwrapped_anywhere()
    {
        var feed = FeedFixtures.Parse("recovery-cdata-anywhere.xml");
        Assert.Equal("CDATA channel", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Mixed <b>cdata</b> & text", item.Title);
        Assert.Equal("https://example.org/cdata-link", item.Link);
        Assert.Equal("guid-1", item.Guid);
        Assert.Equal("before <p>raw</p> after", item.Summary);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Unescaped_and_misnested_markup_is_repaired_without_losing_items()
    {
        var feed = FeedFixtures.Parse("recovery-broken-markup.xml");
        Assert.Equal(["Unclosed inner", "Second & bare", "Void"], feed.Items.Select(i => i.Title));
        Assert.Equal("line<br>next<img src=\"a.png\"><hr>end", feed.Items[2].Summary);
        Assert.Equal("Raw <b>html <i>inside</i></b> description", feed.Items[0].Summary);
        Assert.Contains("unclosed element <i> closed", feed.Errors);
        Assert.Contains("stray end tag </p> ignored", feed.Errors);
    }

    [Fact]
    public void An_item_without_its_end_tag_ends_at_the_next_item()
    {
        var feed = FeedFixtures.ParseText("<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>https://example.org/a</link><item><title>B</title><link>https://example.org/b</link></item></channel></rss>");
        Assert.Equal(["A", "B"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://example.org/a", feed.Items[0].Link);
        Assert.Contains("unclosed <item> closed at the next one", feed.Errors);
    }

    [Fact]
    public void Tokens_larger_than_the_read_window_are_read_whole()
    {
        var body = new string('长', 100_000) + "\r\n" + new string('x', 70_000);
        var items = string.Concat(Enumerable.Range(0, 12).Select(i =>
            $"<item><title>t{i}</title><link>https://example.org/{i}</link><description><![CDATA[{body}]]></description><content:encoded>{body.Replace("x", "&amp;")}</content:encoded></item>"));
        var feed = FeedFixtures.ParseText($"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>big</title>{items}</channel></rss>");
        Assert.Equal(12, feed.Items.Count);
        Assert.All(feed.Items, i => Assert.Equal(body, i.Summary));
        Assert.All(feed.Items, i => Assert.Equal(body.Replace("x", "&"), i.Content));
        Assert.Equal("t11", feed.Items[11].Title);
    }
}
