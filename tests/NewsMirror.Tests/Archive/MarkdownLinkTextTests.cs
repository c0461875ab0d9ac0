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
    public void Ordinary_titles_are_written_as_the_reference_wrote_them(string title) =>
        Assert.Equal(title, MarkdownLinkText.Escape(title));

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
