using System.Text;
using NewsMirror.Fetching.Decoding;

namespace NewsMirror.Tests.Fetching.Decoding;

/// <summary>HTML pages: the HTTP charset, then a meta charset, as browsers read them.</summary>
public class PageDecodingTests
{
    private const string Page = "<html><head>{0}</head><body><p>中文新闻</p></body></html>";

    static PageDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Meta_charset_decides_without_a_bom()
    {
        var html = string.Format(Page, "<meta charset=\"gb2312\">");

        Assert.Equal(html, Decode(Encoding.GetEncoding("gb2312").GetBytes(html)));
    }

    [Fact]
    public void Http_equiv_content_type_is_read()
    {
        var html = string.Format(Page, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">").Replace("新闻", "新聞");

        Assert.Equal(html, Decode(Encoding.GetEncoding("big5").GetBytes(html)));
    }

    [Fact]
    public void Bom_beats_a_wrong_meta_charset()
    {
        var html = string.Format(Page, "<meta charset=\"gb2312\">");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(html)).ToArray();

        Assert.Equal(html, Decode(bytes));
    }

    [Fact]
    public void Header_charset_beats_the_meta_charset()
    {
        var html = string.Format(Page, "<meta charset=\"utf-8\">");

        Assert.Equal(html, Decode(Encoding.GetEncoding("gbk").GetBytes(html), "text/html; charset=GBK"));
    }

    [Fact]
    public void Undeclared_and_unknown_charsets_read_as_utf8()
    {
        var plain = string.Format(Page, "");
        var unknown = string.Format(Page, "<meta charset=\"x-no-such-charset\">");

        Assert.Equal(plain, Decode(Encoding.UTF8.GetBytes(plain)));
        Assert.Equal(unknown, Decode(Encoding.UTF8.GetBytes(unknown)));
    }

    private static string Decode(byte[] bytes, string? contentType = null) => DocumentDecoder.Decode(bytes, contentType, DocumentKind.Page).Text;
}
