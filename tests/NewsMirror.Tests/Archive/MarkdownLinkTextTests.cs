using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

/// <summary>Hostile titles on a list page, read back by a CommonMark parser (Markdig): each entry stays one link to its file, showing the title as text.</summary>
public class MarkdownLinkTextTests
{
    public static readonly TheoryData<string> HostileTitles = new()
    {
        "<script>alert(1)</script>",
        "a] [evil](https://evil.example) [b",
        "[未闭合的括号",
        "结尾的右括号]",
        "结尾的反斜杠\\",
        "`代码` 与 `半个",
        "``](https://evil.example)``",
        "<img src=x onerror=alert(1)>",
        "*强调* _下划线_ {: onclick=\"alert(1)\"}",
        "反斜杠\\[与括号\\]",
        "中国品牌\\“囚爱\\“男性贞操锁",
        "\u202Eevil.exe\u200F 右到左",
        "&lt;b&gt; 实体",
        "a\\*b\\\\c",
        "[快讯] 中国宣布对美加征关税",
        "[视频][专访] 嵌套 [外层 [内层] 结束]",
        "[a](https://evil.example) 链接形状",
        "] 开头的右括号 [",
        "[] 空括号",
        "a < b 与 <3 与 <https://evil.example> 与 <a@b.example>",
        "结尾 [括号\\]",
        "{: .class} 与 {普通花括号}",
        "!\\[图\\](x) 与 ![图] (x)",
    };

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void A_hostile_title_stays_the_text_of_its_one_link(string feedTitle)
    {
        var title = Listed(feedTitle);
        var page = ListPage.Render("示例", [new ListEntry(1711442701000, title, "demo", "1048574.md")]);
        var entry = page.Split('\n')[3];

        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(Markdown.Parse(entry)));
        var link = Assert.Single(paragraph.Inline!.Descendants<LinkInline>());
        Assert.Equal("/articles/demo/1048574.md", link.Url);
        Assert.Empty(paragraph.Inline!.Descendants<HtmlInline>());
        Assert.Empty(paragraph.Inline!.Descendants<CodeInline>());
        Assert.Equal(title, VisibleText(link));
    }

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void Parsing_a_list_page_gives_the_title_back(string feedTitle)
    {
        var title = Listed(feedTitle);
        var page = ListPage.Render("示例", [new ListEntry(1711442701000, title, "demo", "1048574.md")]);

        var entry = Assert.Single(ListPage.Parse(page).Entries);

        Assert.Equal(title, entry.Title);
        Assert.Equal("1048574.md", entry.FileName);
    }

    [Theory]
    [InlineData("美国防部长会见日本安保局长 日美菲首脑4月举行峰会")]
    [InlineData("【网络民议】“有符号”的分类：100% 真实")]
    [InlineData("中国品牌\\“囚爱\\“男性贞操锁")]
    [InlineData("[快讯] 中国宣布对美加征关税")]
    [InlineData("[视频] 外交部发言人 [全文] [[双层]]")]
    [InlineData("a < b，价格 <3 元 {不是属性}")]
    [InlineData("*强调* 与 _下划线_ 与 # 井号")]
    public void Ordinary_titles_are_written_as_the_reference_wrote_them(string title) =>
        Assert.Equal(title, MarkdownLinkText.Escape(title));

    [Theory]
    [InlineData("[未闭合", "\\[未闭合")]
    [InlineData("闭合] [快讯] 又开[", "闭合\\] [快讯] 又开\\[")]
    [InlineData("[a](b) 嵌套链接", "\\[a\\](b) 嵌套链接")]
    [InlineData("[视频][专访] 标题", "\\[视频\\][专访] 标题")]
    [InlineData("`代码`", "\\`代码\\`")]
    [InlineData("<b>粗</b> 与 <!-- 注释 --> 与 <?php", "\\<b>粗\\</b> 与 \\<!-- 注释 --> 与 \\<?php")]
    [InlineData("{:onclick=\"x\"} 与 {其他}", "\\{:onclick=\"x\"} 与 {其他}")]
    [InlineData("结尾反斜杠\\", "结尾反斜杠\\\\")]
    [InlineData("反斜杠\\*星号", "反斜杠\\\\*星号")]
    public void Only_what_would_break_the_link_or_become_markup_gets_a_backslash(string title, string written) =>
        Assert.Equal(written, MarkdownLinkText.Escape(title));

    /// <summary>The title as it reaches a list page: through the same record as the article file.</summary>
    private static string Listed(string feedTitle) => ArticleRecord.FromFeed(1711442701000, feedTitle, "https://news.example/a", "").Title;

    /// <summary>What a reader sees: literal text, with emphasis markers dropped the way a renderer drops them.</summary>
    private static string VisibleText(ContainerInline container) => string.Concat(container.Select(inline => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        EmphasisInline emphasis => new string(emphasis.DelimiterChar, emphasis.DelimiterCount) + VisibleText(emphasis) + new string(emphasis.DelimiterChar, emphasis.DelimiterCount),
        HtmlEntityInline entity => entity.Original.ToString(),
        ContainerInline inner => VisibleText(inner),
        _ => inline.ToString(),
    }));
}
