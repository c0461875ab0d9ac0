using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

public class ArticleRecordTests
{
    [Fact]
    public void FromFeed_trims_the_title_with_JavaScript_white_space()
    {
        var record = ArticleRecord.FromFeed(1, "\u3000 德国前总理施密特的艺术收藏\u00A0\uFEFF", "https://example.org/", "");

        Assert.Equal("德国前总理施密特的艺术收藏", record.Title);
    }

    [Fact]
    public void FromFeed_keeps_a_zero_width_space_in_the_title()
    {
        Assert.Equal("\u200B标题", ArticleRecord.FromFeed(1, " \u200B标题 ", "https://example.org/", "").Title);
    }

    [Fact]
    public void FromFeed_serialises_the_link_as_a_WHATWG_URL()
    {
        var record = ArticleRecord.FromFeed(1, "t", " https://www.dw.com/zh/收藏 /a-55201011 ", "");

        Assert.Equal("https://www.dw.com/zh/%E6%94%B6%E8%97%8F%20/a-55201011", record.Link);
    }

    [Fact]
    public void FromFeed_keeps_the_trimmed_raw_link_where_it_is_not_a_URL()
    {
        Assert.Equal("/relative/路径", ArticleRecord.FromFeed(1, "t", "\u3000/relative/路径\n", "").Link);
    }

    [Fact]
    public void FromFeed_joins_trimmed_body_lines_split_at_line_feeds_only()
    {
        var record = ArticleRecord.FromFeed(null, "t", "https://example.org/", "  <p>a</p>  \n\t<p>b\rc</p>\r\n\u3000\n<p>d</p>");

        Assert.Equal("<p>a</p><p>b\rc</p><p>d</p>", record.Body);
        Assert.Null(record.TimestampMs);
    }

    [Fact]
    public void FromFeed_output_renders_to_a_file_that_parses_back_to_it()
    {
        var record = ArticleRecord.FromFeed(1711442701000, " 标题 ", "https://www.rfi.fr//cn/中国", "<div>\n  <p>🦌</p>\n</div>\n");

        Assert.Equal(record, ArticleFile.Parse(ArticleFile.Render(record)));
    }

    [Theory]
    [InlineData("两行\n标题", "两行 标题")]
    [InlineData("带](括号", "带] (括号")]
    public void FromFeed_makes_titles_that_would_break_the_file_readable(string raw, string expected)
    {
        var record = ArticleRecord.FromFeed(1, raw, "https://example.org/", "<p>x</p>");

        Assert.Equal(expected, record.Title);
        Assert.Equal(record, ArticleFile.Parse(ArticleFile.Render(record)));
    }
}
