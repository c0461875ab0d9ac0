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

    private const string Wide = "no byte order mark; read as {0}, recognised from the zero bytes around the first characters";
    private const string Detected = "no charset declared and the bytes are not UTF-8; read as {0}, detected from the bytes (confidence {1})";

    [Theory]
    [InlineData("encoding-gb2312-undeclared.xml", "城市晚报", "本市公交线路下月起调整",
        "市交通局今天宣布，从下个月一日起，全市十二条公交线路将调整走向，部分站点合并，早晚高峰增加班次。市民可以通过车站公告和热线电话查询新的时刻表。", "gb18030", "0.99")]
    [InlineData("encoding-big5-undeclared.xml", "港灣日報", "颱風接近 學校停課一天",
        "氣象局表示，颱風將於明日清晨登陸，全市學校停課一天，民眾應避免前往海邊及山區，並留意最新的天氣報告與交通資訊。", "Big5", "0.99")]
    [InlineData("encoding-shift_jis-undeclared.xml", "みなと新聞", "駅前の商店街で夏祭り",
        "今週末、駅前の商店街で恒例の夏祭りが開かれます。屋台や盆踊りのほか、子ども向けのゲームも用意され、多くの家族連れでにぎわう見込みです。", "Shift_JIS", "1.00")]
    [InlineData("encoding-euc-jp-undeclared.xml", "やまびこ通信", "山あいの村で新米の収穫",
        "山あいの村では今年も新米の収穫が始まりました。天候に恵まれ、例年よりも粒が大きく、甘みのある米に育ったと農家の人たちは喜んでいます。", "EUC-JP", "1.00")]
    [InlineData("encoding-euc-kr-undeclared.xml", "바닷가 소식", "항구 축제가 이번 주말 열린다",
        "이번 주말 항구에서 해마다 열리는 축제가 시작됩니다. 신선한 해산물을 맛볼 수 있는 장터와 불꽃놀이가 준비되어 있어 많은 관광객이 찾을 것으로 보입니다.", "EUC-KR", "0.99")]
    [InlineData("encoding-koi8-r-undeclared.xml", "Городские новости", "В парке открылась новая библиотека",
        "В центральном парке города открылась небольшая библиотека под открытым небом. Жители могут брать книги бесплатно и возвращать их в любое удобное время.", "KOI8-R", "0.81")]
    public void Undeclared_legacy_encodings_are_detected_and_reported(string fixture, string title, string itemTitle, string summary,
        string encoding, string confidence)
    {
        var feed = FeedFixtures.Parse(fixture);

        Assert.Equal(title, feed.Title);
        Assert.Equal(itemTitle, feed.Items[0].Title);
        Assert.Equal(summary, feed.Items[0].Summary);
        Assert.Equal([string.Format(Detected, encoding, confidence)], feed.Errors);
    }

    [Theory]
    [InlineData("encoding-utf32le-bom.xml", null)]
    [InlineData("encoding-utf32be-bom.xml", null)]
    [InlineData("encoding-utf32le-no-bom.xml", "UTF-32LE")]
    [InlineData("encoding-utf32be-no-bom.xml", "UTF-32BE")]
    [InlineData("encoding-utf16le-no-bom.xml", "UTF-16LE")]
    [InlineData("encoding-utf16be-no-bom.xml", "UTF-16BE")]
    public void Utf32_and_utf16_are_read_by_their_byte_order_mark_or_their_zero_bytes(string fixture, string? recognisedWithoutMark)
    {
        var feed = FeedFixtures.Parse(fixture);

        Assert.Equal("美国之音 🌏", feed.Title);
        Assert.Equal("四字节 UTF 新闻", feed.Items[0].Title);
        Assert.Equal("正文 🌏 含有补充平面字符", feed.Items[0].Summary);
        Assert.Equal(recognisedWithoutMark is null ? [] : [string.Format(Wide, recognisedWithoutMark)], feed.Errors);
    }

    [Fact]
    public void C1_controls_in_utf8_are_read_as_their_windows_1252_characters_except_the_undefined_ones()
    {
        var feed = FeedFixtures.Parse("encoding-utf8-c1-controls.xml");

        Assert.Equal("It’s the news…", feed.Title);
        Assert.Equal("Prices up € 5", feed.Items[0].Title);
        Assert.Equal("He said “no” – and left; code \u0081 stays.", feed.Items[0].Summary);
        Assert.Equal(["6 C1 control characters in the UTF-8 text read as windows-1252 (U+0092 as ’, U+0085 as …)"], feed.Errors);
    }

    [Theory]
    [InlineData("encoding-declared-utf8-gbk-bytes.xml",
        "XML declaration says utf-8 but the bytes are not valid UTF-8; read as gb18030, detected from the bytes (confidence 0.99)")]
    [InlineData("encoding-declared-iso-8859-1-gbk-bytes.xml",
        "XML declaration says iso-8859-1 but the bytes are not Western text; read as gb18030, detected from the bytes (confidence 0.99)")]
    public void A_declared_charset_the_bytes_contradict_loses_to_the_bytes(string fixture, string decision)
    {
        var feed = FeedFixtures.Parse(fixture);

        Assert.Equal("金融时报中文网", feed.Title);
        Assert.Equal("央行宣布下调存款准备金率", feed.Items[0].Title);
        Assert.Equal("中国人民银行今天宣布，下调金融机构存款准备金率零点五个百分点，释放长期资金约一万亿元，以支持实体经济发展。", feed.Items[0].Summary);
        Assert.Equal([decision], feed.Errors);
    }

    [Fact]
    public void A_latin1_label_on_utf8_chinese_is_read_as_utf8()
    {
        var feed = FeedFixtures.Parse("encoding-declared-iso-8859-1-utf8-bytes.xml");

        Assert.Equal("联合早报", feed.Title);
        Assert.Equal("新加坡举行国庆庆典", feed.Items[0].Title);
        Assert.Equal("数万名市民聚集在滨海湾观看国庆庆典和烟花表演。", feed.Items[0].Summary);
        Assert.Equal(["XML declaration says iso-8859-1 but the document is valid UTF-8; read as UTF-8"], feed.Errors);
    }

    [Fact]
    public void Double_encoded_utf8_is_repaired()
    {
        var feed = FeedFixtures.Parse("encoding-utf8-double-encoded.xml");

        Assert.Equal("Café “Zürich” – 中文新闻", feed.Items[0].Title);
        Assert.Equal("Der Bericht aus Zürich", feed.Items[0].Summary);
        Assert.Equal(["the text is UTF-8 encoded twice (read as windows-1252, then written as UTF-8); repaired and read as UTF-8"], feed.Errors);
    }
}
