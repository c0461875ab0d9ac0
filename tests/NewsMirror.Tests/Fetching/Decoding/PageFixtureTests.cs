using NewsMirror.Fetching.Decoding;

namespace NewsMirror.Tests.Fetching.Decoding;

/// <summary>The encoding cases of the feed fixtures, as HTML pages (meta charset or none) in Fixtures/ beside this file.</summary>
public class PageFixtureTests
{
    private const string Wide = "no byte order mark; read as {0}, recognised from the zero bytes around the first characters";
    private const string Detected = "no charset declared and the bytes are not UTF-8; read as {0}, detected from the bytes (confidence {1})";

    private static DecodedText Decode(string fixture) =>
        DocumentDecoder.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fetching", "Decoding", "Fixtures", fixture)), null, DocumentKind.Page);

    private static void AssertPage(DecodedText page, string title, string paragraph)
    {
        Assert.Contains($"<title>{title}</title>", page.Text);
        Assert.Contains($"<h1>{title}</h1>", page.Text);
        Assert.Contains($"<p>{paragraph}</p>", page.Text);
    }

    [Theory]
    [InlineData("page-gb2312-undeclared.html", "城市晚报",
        "市交通局今天宣布，从下个月一日起，全市十二条公交线路将调整走向，部分站点合并，早晚高峰增加班次。市民可以通过车站公告和热线电话查询新的时刻表。", "gb18030", "0.99")]
    [InlineData("page-big5-undeclared.html", "港灣日報",
        "氣象局表示，颱風將於明日清晨登陸，全市學校停課一天，民眾應避免前往海邊及山區，並留意最新的天氣報告與交通資訊。", "Big5", "0.99")]
    [InlineData("page-shift_jis-undeclared.html", "みなと新聞",
        "今週末、駅前の商店街で恒例の夏祭りが開かれます。屋台や盆踊りのほか、子ども向けのゲームも用意され、多くの家族連れでにぎわう見込みです。", "Shift_JIS", "1.00")]
    [InlineData("page-euc-jp-undeclared.html", "やまびこ通信",
        "山あいの村では今年も新米の収穫が始まりました。天候に恵まれ、例年よりも粒が大きく、甘みのある米に育ったと農家の人たちは喜んでいます。", "EUC-JP", "1.00")]
    [InlineData("page-euc-kr-undeclared.html", "바닷가 소식",
        "이번 주말 항구에서 해마다 열리는 축제가 시작됩니다. 신선한 해산물을 맛볼 수 있는 장터와 불꽃놀이가 준비되어 있어 많은 관광객이 찾을 것으로 보입니다.", "EUC-KR", "0.99")]
    [InlineData("page-koi8-r-undeclared.html", "Городские новости",
        "В центральном парке города открылась небольшая библиотека под открытым небом. Жители могут брать книги бесплатно и возвращать их в любое удобное время.", "KOI8-R", "0.81")]
    public void Undeclared_legacy_encodings_are_detected_and_reported(string fixture, string title, string paragraph, string encoding, string confidence)
    {
        var page = Decode(fixture);

        AssertPage(page, title, paragraph);
        Assert.Equal(encoding, page.EncodingName);
        Assert.Equal([string.Format(Detected, encoding, confidence)], page.Notes);
    }

    [Theory]
    [InlineData("page-utf32le-bom.html", "UTF-32LE", false)]
    [InlineData("page-utf32be-bom.html", "UTF-32BE", false)]
    [InlineData("page-utf32le-no-bom.html", "UTF-32LE", true)]
    [InlineData("page-utf32be-no-bom.html", "UTF-32BE", true)]
    [InlineData("page-utf16le-no-bom.html", "UTF-16LE", true)]
    [InlineData("page-utf16be-no-bom.html", "UTF-16BE", true)]
    public void Utf32_and_utf16_are_read_by_their_byte_order_mark_or_their_zero_bytes(string fixture, string encoding, bool reported)
    {
        var page = Decode(fixture);

        Assert.StartsWith("<!doctype html>", page.Text);
        AssertPage(page, "美国之音 🌏", "正文 🌏 含有补充平面字符");
        Assert.Equal(encoding, page.EncodingName);
        Assert.Equal(reported ? [string.Format(Wide, encoding)] : [], page.Notes);
    }

    [Fact]
    public void C1_controls_in_utf8_are_read_as_their_windows_1252_characters_except_the_undefined_ones()
    {
        var page = Decode("page-utf8-c1-controls.html");

        AssertPage(page, "It’s the news…", "He said “no” – and left; code \u0081 stays.");
        Assert.Contains("<h2>Prices up € 5</h2>", page.Text);
        Assert.Equal(["8 C1 control characters in the UTF-8 text read as windows-1252 (U+0092 as ’, U+0085 as …)"], page.Notes);
    }

    [Theory]
    [InlineData("page-declared-utf8-gbk-bytes.html",
        "meta charset says utf-8 but the bytes are not valid UTF-8; read as gb18030, detected from the bytes (confidence 0.99)")]
    [InlineData("page-declared-iso-8859-1-gbk-bytes.html",
        "meta charset says iso-8859-1 but the bytes are not Western text; read as gb18030, detected from the bytes (confidence 0.99)")]
    public void A_declared_charset_the_bytes_contradict_loses_to_the_bytes(string fixture, string decision)
    {
        var page = Decode(fixture);

        AssertPage(page, "金融时报中文网", "中国人民银行今天宣布，下调金融机构存款准备金率零点五个百分点，释放长期资金约一万亿元，以支持实体经济发展。");
        Assert.Equal("gb18030", page.EncodingName);
        Assert.Equal([decision], page.Notes);
    }

    [Fact]
    public void A_latin1_label_on_utf8_chinese_is_read_as_utf8()
    {
        var page = Decode("page-declared-iso-8859-1-utf8-bytes.html");

        AssertPage(page, "联合早报", "数万名市民聚集在滨海湾观看国庆庆典和烟花表演。");
        Assert.Equal(["meta charset says iso-8859-1 but the document is valid UTF-8; read as UTF-8"], page.Notes);
    }

    [Fact]
    public void Double_encoded_utf8_is_repaired()
    {
        var page = Decode("page-utf8-double-encoded.html");

        AssertPage(page, "Café “Zürich” – 中文新闻", "Der Bericht aus Zürich");
        Assert.Equal(["the text is UTF-8 encoded twice (read as windows-1252, then written as UTF-8); repaired and read as UTF-8"], page.Notes);
    }
}
