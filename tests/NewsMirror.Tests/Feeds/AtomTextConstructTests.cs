using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class AtomTextConstructTests
{
    private readonly FeedDocument _feed = FeedFixtures.Parse("atom-text-constructs.xml");
    private readonly FeedDocument _atom03 = FeedFixtures.Parse("atom03-modes.xml");

    [Fact]
    public void Text_is_escaped_so_blink_written_as_text_is_never_markup()
    {
        Assert.Equal("&lt;blink&gt;text&lt;/blink&gt; &amp; an ampersand", _feed.Items[0].Summary);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; default type is text", _feed.Items[0].Content);
        Assert.Equal("Never <blink>markup</blink>", _feed.Items[0].Title);
    }

    [Fact]
    public void Html_is_unescaped_once()
    {
        Assert.Equal("<p>Escaped &amp; <em>html</em></p>", _feed.Items[1].Summary);
        Assert.Equal("<p>CDATA <a href=\"https://example.org/\">html</a></p>", _feed.Items[1].Content);
        Assert.Equal("Html title & more", _feed.Items[1].Title);
    }

    [Fact]
    public void Xhtml_loses_its_wrapper_div_whatever_its_prefix()
    {
        Assert.Equal("<p>Prefixed <i>xhtml</i> &amp; text</p>", _feed.Items[2].Content);
        Assert.Equal("Xhtml title", _feed.Items[2].Title);
        Assert.Equal("An <em>xhtml</em> subtitle", _feed.Description);
    }

    [Fact]
    public void Atom_03_base64_is_decoded_then_read_as_its_type()
    {
        Assert.Equal("<p>Hello <b>base64</b></p>", _atom03.Items[0].Content);
        Assert.Equal("Plain &lt;blink&gt;text&lt;/blink&gt; &amp; more", _atom03.Items[0].Summary);
    }

    [Fact]
    public void Atom_03_escaped_mode_is_html_with_or_without_a_type_and_xml_mode_is_inline_xhtml()
    {
        Assert.Equal("<p>Escaped &amp; once</p>", _atom03.Items[1].Content);
        Assert.Equal("<i>escaped, no type</i>", _atom03.Items[1].Summary);
        Assert.Equal("<p>Inline <b>xhtml</b></p>", _atom03.Items[2].Content);
    }

    [Fact]
    public void Atom_03_dates_come_from_issued_modified_and_created()
    {
        Assert.Equal(new DateTimeOffset(2004, 1, 9, 7, 0, 0, TimeSpan.Zero), _atom03.Items[0].Published);
        Assert.Equal(new DateTimeOffset(2004, 1, 10, 9, 30, 0, TimeSpan.Zero), _atom03.Items[0].Updated);
        Assert.Equal(new DateTimeOffset(2004, 1, 8, 7, 0, 0, TimeSpan.Zero), _atom03.Items[1].Published);
        Assert.Null(_atom03.Items[1].Updated);
        Assert.Equal(new DateTimeOffset(2004, 1, 7, 0, 0, 0, TimeSpan.Zero), _atom03.Items[2].Published);
        Assert.Equal(new DateTimeOffset(2004, 1, 10, 12, 0, 0, TimeSpan.Zero), _atom03.Updated);
    }
}
