using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class EncodingTests
{
    [Theory]
    [InlineData("encoding-gb2312.xml", "中国数字时代", "习近平会见美国国务卿")]
    [InlineData("encoding-big5.xml", "自由亞洲電台", "臺灣總統府")]
    [InlineData("encoding-shift_jis.xml", "日本語ニュース", "東京都の天気")]
    [InlineData("encoding-euc-kr.xml", "한국어 뉴스", "서울 날씨")]
    [InlineData("encoding-windows-1252.xml", "Café – “News”", "naïve résumé €")]
    [InlineData("encoding-iso-8859-5.xml", "Новости", "Москва")]
    [InlineData("encoding-koi8-r.xml", "Новости дня", "Санкт-Петербург")]
    [InlineData("encoding-utf16le-bom.xml", "美国之音", "UTF-16 正文")]
    [InlineData("encoding-utf8-bom.xml", "BBC 中文", "有 BOM")]
    public void Declared_encodings_decode(string fixture, string title, string description)
    {
        var feed = FeedFixtures.Parse(fixture);
        Assert.Equal(title, feed.Title);
        Assert.Equal(description, Assert.Single(feed.Items).Summary);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Http_charset_decodes_a_document_without_declaration()
    {
        var feed = FeedFixtures.Parse("encoding-gbk-undeclared-http.xml", contentType: "text/xml; charset=GBK");
        Assert.Equal("德国之声中文网", feed.Title);
        Assert.Equal("镕", feed.Items[0].Summary);
    }

    [Fact]
    public void Valid_utf8_wins_over_a_legacy_label()
    {
        var feed = FeedFixtures.Parse("encoding-utf8-mislabelled-gb2312.xml", contentType: "application/rss+xml; charset=iso-8859-1");
        Assert.Equal("纽约时报中文网", feed.Title);
        Assert.Contains(feed.Errors, e => e.Contains("gb2312") && e.Contains("valid UTF-8"));
    }

    [Fact]
    public void A_wrong_declaration_falls_back_to_the_http_charset()
    {
        var feed = FeedFixtures.Parse("encoding-wrong-declaration-http-gbk.xml", contentType: "text/xml; charset=gb2312");
        Assert.Equal("金融时报", feed.Title);
        Assert.Equal("声明错误", feed.Items[0].Summary);
        Assert.Contains(feed.Errors, e => e.Contains("read as gb2312"));
    }

    [Fact]
    public void Legacy_bytes_without_any_label_are_detected_and_reported()
    {
        var feed = FeedFixtures.Parse("encoding-gbk-undeclared-http.xml");
        Assert.Equal("德国之声中文网", feed.Title);
        Assert.Equal("镕", feed.Items[0].Summary);
        Assert.Equal(["no charset declared and the bytes are not UTF-8; read as gb18030, detected from the bytes (confidence 0.99)"], feed.Errors);
    }
}
