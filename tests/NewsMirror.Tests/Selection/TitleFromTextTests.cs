using NewsMirror.Selection;

namespace NewsMirror.Tests.Selection;

public class TitleFromTextTests
{
    [Theory]
    [InlineData("国务院今天发布通知。各地须在月底前完成排查。", "国务院今天发布通知")]
    [InlineData("  短讯：台风“摩羯”登陆海南  ", "短讯：台风“摩羯”登陆海南")]
    [InlineData("中国人民银行宣布下调金融机构存款准备金率零点五个百分点释放长期资金约一万亿元", "中国人民银行宣布下调金融机构存款准备金率零点五个百分点释放…")]
    [InlineData("Markets fell sharply. Investors fled to bonds.", "Markets fell sharply")]
    [InlineData("U.S. officials said on Monday that the talks would resume next week in Geneva after a pause.", "U.S. officials said on Monday that the talks would resume…")]
    [InlineData("Breaking: explosion reported!", "Breaking: explosion reported!")]
    [InlineData("视频 👨‍👩‍👧 今日要闻", "视频 👨‍👩‍👧 今日要闻")]
    public void The_title_is_the_first_sentence_or_the_start_cut_at_a_boundary(string text, string title) =>
        Assert.Equal(title, TitleFromText.Make(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?")]
    [InlineData("…… ——")]
    public void Text_without_a_letter_or_digit_gives_no_title(string text) => Assert.Null(TitleFromText.Make(text));
}
