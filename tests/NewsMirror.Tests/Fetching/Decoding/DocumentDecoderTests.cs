using System.Text;
using NewsMirror.Fetching.Decoding;

namespace NewsMirror.Tests.Fetching.Decoding;

/// <summary>The decisions of the one decoder for feeds and pages, each with the note it reports.</summary>
public class DocumentDecoderTests
{
    // Field initialisers run before a static constructor's body, so the provider is registered in the initialiser itself.
    private static readonly Encoding Windows1251 = CodePage(1251);

    private static Encoding CodePage(int number)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(number);
    }

    [Fact]
    public void A_feed_trusts_its_xml_declaration_before_the_http_charset()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Новости</title></channel></rss>";

        var decoded = DocumentDecoder.Decode(Windows1251.GetBytes(xml), "text/xml; charset=koi8-r", DocumentKind.Feed);

        Assert.Equal(xml, decoded.Text);
        Assert.Equal("windows-1251", decoded.EncodingName);
        Assert.Empty(decoded.Notes);
    }

    [Fact]
    public void A_page_trusts_the_http_charset_before_its_meta_charset()
    {
        var html = "<html><head><meta charset=\"koi8-r\"><title>Новости</title></head></html>";

        var decoded = DocumentDecoder.Decode(Windows1251.GetBytes(html), "text/html; charset=windows-1251", DocumentKind.Page);

        Assert.Equal(html, decoded.Text);
        Assert.Empty(decoded.Notes);
    }

    [Fact]
    public void A_byte_order_mark_beats_a_declaration_and_says_so()
    {
        var html = "<html><head><meta charset=\"gb2312\"></head><body>中文</body></html>";

        var decoded = DocumentDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(html)], null, DocumentKind.Page);

        Assert.Equal(html, decoded.Text);
        Assert.Equal(["meta charset says gb2312 but the byte order mark says UTF-8; read as UTF-8"], decoded.Notes);
    }

    [Fact]
    public void A_utf16_label_on_bytes_without_zero_bytes_is_read_as_utf8()
    {
        var html = "<html><head><meta charset=\"utf-16\"></head><body>中文</body></html>";

        var decoded = DocumentDecoder.Decode(Encoding.UTF8.GetBytes(html), null, DocumentKind.Page);

        Assert.Equal(html, decoded.Text);
        Assert.Equal(["meta charset says utf-16 but the bytes have none of its zero bytes; read as UTF-8"], decoded.Notes);
    }

    [Fact]
    public void An_unknown_label_is_reported_and_the_bytes_decide()
    {
        var html = "<html><head><meta charset=\"x-no-such-charset\"></head><body>中文</body></html>";

        var decoded = DocumentDecoder.Decode(Encoding.UTF8.GetBytes(html), null, DocumentKind.Page);

        Assert.Equal(html, decoded.Text);
        Assert.Equal(["unknown charset x-no-such-charset in meta charset ignored; read as UTF-8"], decoded.Notes);
    }

    [Fact]
    public void Utf8_with_one_broken_character_stays_utf8()
    {
        var body = Encoding.UTF8.GetBytes("<p>中文新闻报道，今天的天气很好，适合出门散步。").Concat<byte>([0xE4, 0xB8]).Concat(Encoding.UTF8.GetBytes("</p>")).ToArray();

        var decoded = DocumentDecoder.Decode(body, null, DocumentKind.Page);

        Assert.Equal("<p>中文新闻报道，今天的天气很好，适合出门散步。\uFFFD</p>", decoded.Text);
        Assert.Equal(["read as UTF-8, 1 invalid sequence replaced with U+FFFD"], decoded.Notes);
    }

    [Theory]
    [InlineData("<p>Fuß „Straße“ — café, naïve, Zoë’s résumé</p>")]
    [InlineData("<p>Ã©</p><p>fête</p>")]
    [InlineData("<p>Â© 2024 — ×÷</p>")]
    public void Real_latin_text_in_utf8_is_not_taken_for_double_encoding(string html)
    {
        var decoded = DocumentDecoder.Decode(Encoding.UTF8.GetBytes(html), null, DocumentKind.Page);

        Assert.Equal(html, decoded.Text);
        Assert.Empty(decoded.Notes);
    }

    [Fact]
    public void Utf8_decoded_as_latin1_and_encoded_again_is_repaired_before_c1_controls_are_mapped()
    {
        // Latin-1, unlike windows-1252, turns the 0x80 and 0x99 of ’ (E2 80 99) into C1 controls.
        var garbled = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("<p>It’s 中文</p>"));

        var decoded = DocumentDecoder.Decode(Encoding.UTF8.GetBytes(garbled), null, DocumentKind.Page);

        Assert.Equal("<p>It’s 中文</p>", decoded.Text);
        Assert.Equal(["the text is UTF-8 encoded twice (read as windows-1252, then written as UTF-8); repaired and read as UTF-8"], decoded.Notes);
    }

    [Fact]
    public void Iso_2022_jp_without_a_label_is_detected_from_its_escape_sequences()
    {
        var html = "<p>今日は朝から雨が降っていますが、午後には晴れる見込みです。駅前の商店街では夏祭りの準備が進んでいます。</p>";

        var decoded = DocumentDecoder.Decode(Encoding.GetEncoding("iso-2022-jp").GetBytes(html), null, DocumentKind.Page);

        Assert.Equal(html, decoded.Text);
        Assert.Equal("ISO-2022-JP", decoded.EncodingName);
        Assert.Single(decoded.Notes, n => n.StartsWith("no charset declared; read as ISO-2022-JP, detected from its escape sequences", StringComparison.Ordinal));
    }

    [Fact]
    public void C1_controls_are_mapped_chunk_by_chunk_when_a_large_feed_is_streamed()
    {
        var xml = "<rss><channel>" + string.Concat(Enumerable.Repeat("<title>It\u0092s news\u0085 \u0080</title>", 5000)) + "</channel></rss>";
        var body = Encoding.UTF8.GetBytes(xml);

        var decision = DocumentDecoder.Decide(body, null, DocumentKind.Feed);
        using var reader = new StreamReader(new MemoryStream(body), decision.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 333);

        var expected = xml.Replace('\u0092', '’').Replace('\u0085', '…').Replace('\u0080', '€');
        Assert.Equal(expected, reader.ReadToEnd());
        Assert.Equal(expected, decision.Decode(body));
        Assert.Equal(["15000 C1 control characters in the UTF-8 text read as windows-1252 (U+0092 as ’, U+0085 as …)"], decision.Notes);
    }
}
