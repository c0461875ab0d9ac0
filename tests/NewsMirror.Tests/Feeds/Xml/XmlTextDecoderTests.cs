using NewsMirror.Feeds;
using NewsMirror.Feeds.Xml;

namespace NewsMirror.Tests.Feeds.Xml;

public class XmlTextDecoderTests
{
    private readonly RecoveryLog _log = new();

    private string Decode(string raw) => new XmlTextDecoder(_log).Decode(raw);

    [Fact]
    public void The_five_xml_entities_and_numeric_references_decode_silently()
    {
        Assert.Equal("& < > \" ' A 😀", Decode("&amp; &lt; &gt; &quot; &apos; &#65; &#x1F600;"));
        Assert.Empty(_log.Messages);
    }

    [Fact]
    public void Html5_named_references_decode_from_anglesharps_table_and_are_reported()
    {
        Assert.Equal("\u00A0\u2014\u2242\u0338\uD835\uDD04", Decode("&nbsp;&mdash;&NotEqualTilde;&Afr;"));
        Assert.Equal(["undefined entity &nbsp; decoded", "undefined entity &mdash; decoded", "undefined entity &NotEqualTilde; decoded", "undefined entity &Afr; decoded"], _log.Messages);
    }

    [Fact]
    public void Names_html_knows_only_without_a_semicolon_are_not_decoded()
    {
        Assert.Equal("&copy &foo;", Decode("&copy &foo;"));
        Assert.Equal(["bare & kept as text", "unknown entity &foo; kept as text"], _log.Messages);
    }

    [Fact]
    public void Numeric_references_in_the_c1_range_are_windows_1252()
    {
        Assert.Equal("\u2019\u2026\u20AC", Decode("&#146;&#x85;&#128;"));
        Assert.Contains("character reference in 128–159 read as Windows-1252", _log.Messages);
    }

    [Fact]
    public void Characters_xml_forbids_are_dropped_from_text_and_cdata()
    {
        Assert.Equal("ab", Decode("a\u0001b&#1;"));
        Assert.Equal("cd", new XmlTextDecoder(_log).DropIllegalCharacters("c\u000Bd"));
        Assert.Equal(["illegal XML character U+0001 dropped", "illegal character reference &#1; dropped", "illegal XML character U+000B dropped"], _log.Messages);
    }
}
