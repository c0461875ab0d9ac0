using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Tests.Archive;

public class ArticleIdTests
{
    [Theory]
    [InlineData("1048574.md", 1048574L, null)]
    [InlineData("999999.md", 999999L, null)]
    [InlineData("0.md", 0L, null)]
    [InlineData("1046239_德国前总理施密特的艺术收藏 .md", 1046239L, "德国前总理施密特的艺术收藏 ")]
    [InlineData("1047532_ 美中酝酿脱钩  北京狂买日债同比激增逾三倍.md", 1047532L, " 美中酝酿脱钩  北京狂买日债同比激增逾三倍")]
    [InlineData("1047474_中国品牌\\“囚爱\\“男性.md", 1047474L, "中国品牌\\“囚爱\\“男性")]
    [InlineData("392261_综合 | 香港.md", 392261L, "综合 | 香港")]
    [InlineData("1_.md", 1L, "")]
    public void ArticleFileName_reads_the_id_and_raw_title(string name, long id, string? rawTitle)
    {
        Assert.True(ArticleFileName.TryParse(name, out var parsed));
        Assert.Equal(new ArticleFileName(name, id, rawTitle), parsed);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData(".1048574.md.tmp")]
    [InlineData("1048574.md.tmp")]
    [InlineData("1048574.txt")]
    [InlineData("1048574")]
    [InlineData(".md")]
    [InlineData("_title.md")]
    [InlineData("01.md")]
    [InlineData("-1.md")]
    [InlineData("+1.md")]
    [InlineData("12a.md")]
    [InlineData("1 .md")]
    [InlineData("99999999999999999999.md")]
    [InlineData("１２.md")]
    public void ArticleFileName_rejects_names_that_are_not_article_files(string name)
    {
        Assert.False(ArticleFileName.TryParse(name, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Format_and_TryParse_agree()
    {
        Assert.True(ArticleFileName.TryParse(ArticleFileName.Format(999999), out var parsed));
        Assert.Equal(999999, parsed.Id);
        Assert.Equal("999999.md", parsed.FileName);
    }

    [Theory]
    [InlineData("https://chinadigitaltimes.net/chinese/?p=715858", 332717L)]
    [InlineData("https://chinadigitaltimes.net/chinese/?p=715531", 333044L)]
    [InlineData("https://chinadigitaltimes.net/chinese/?p=657659", 390916L)]
    [InlineData("https://example.org/?a=1&p=1", 0xFFFFEL)]
    [InlineData("https://example.org/?p=0", 0xFFFFFL)]
    [InlineData("https://example.org/?p=1048576", 0x1FFFFFL)]
    [InlineData("https://chinadigitaltimes.net/chinese/665654.html", 0L)]
    [InlineData("https://example.org/?page=5", 0L)]
    [InlineData("https://example.org/?p=", 0L)]
    [InlineData("https://example.org/?p=99999999999", 0L)]
    [InlineData("", 0L)]
    [InlineData(null, 0L)]
    public void FromWordPressGuid_xors_the_post_number_with_0xFFFFF(string? guid, long expected)
    {
        Assert.Equal(expected, ArticleId.FromWordPressGuid(guid));
    }
}
