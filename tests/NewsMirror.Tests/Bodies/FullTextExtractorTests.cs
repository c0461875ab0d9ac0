using AngleSharp.Html.Parser;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class FullTextExtractorTests
{
    private static string Page(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bodies", "Fixtures", "Pages", name));

    [SkippableFact]
    public void Selector_returns_the_first_match_serialised_as_html5()
    {
        var article = FullTextExtractor.BySelector(Page("cdt-article.html"), "div.post-content");

        // <br /> → <br>, single quotes and bare values → double quotes, &#8220; decoded, &nbsp; &amp; &lt; &gt; kept, misnesting repaired.
        const string expected = "\n<p>网友评论：“这是引号”&nbsp;以及 AT&amp;T 和 1 &lt; 2 &gt; 0。<br>第二行</p>\n" +
                                "<p style=\"text-align: right\"><img src=\"https://chinadigitaltimes.net/chinese/files/2025/03/a.jpg\" alt=\"图\" width=\"600\"></p>\n" +
                                "<ul><li>一</li><li>二</li></ul>\n";
        Assert.NotNull(article);
        Assert.Equal(expected, article.Content);
        Assert.Equal("【立此存照】示例 – 中国数字时代", article.Title);
        Assert.Equal("zh-CN", article.Language);
    }

    [SkippableFact]
    public void Selector_without_match_gives_null() => Assert.Null(FullTextExtractor.BySelector(Page("cdt-article.html"), "div.entry-body"));

    [SkippableFact]
    public void Invalid_selector_is_reported() => Assert.Throws<ArgumentException>(() => FullTextExtractor.BySelector("<p>x</p>", "div..x"));

    [SkippableTheory]
    [InlineData("cdt-0.md")]
    [InlineData("cdt-333044.md")]
    public void Archived_cdt_bodies_survive_a_parse_and_reserialisation(string file) =>
        AssertRoundTrip(ArchivedArticle.Fixture(file).Body);

    [SkippableFact]
    public void Shared_corpus_cdt_bodies_survive_a_parse_and_reserialisation()
    {
        var articles = ArchivedArticle.SharedCorpusArticles();
        var files = Directory.GetFiles(Path.Combine(articles, "cdt"), "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files) AssertRoundTrip(ArchivedArticle.Read(file).Body);
    }

    private static void AssertRoundTrip(string body)
    {
        var page = "<html><head><title>t</title></head><body><div class=\"post-content\">" + body + "</div></body></html>";
        Assert.Equal(body, FullTextExtractor.BySelector(page, "div.post-content")!.Content);
    }

    [SkippableFact]
    public void Readability_finds_the_article_and_its_metadata_without_page_chrome()
    {
        var article = FullTextExtractor.ByReadability(Page("news-article.html"), new Uri("https://news.example/a/1.html"));

        Assert.NotNull(article);
        Assert.Equal("中国前两月工业生产超预期 房地产投资继续下滑", article.Title);
        Assert.Equal("示例新闻网", article.SiteName);
        Assert.Equal("zh-CN", article.Language);
        Assert.Equal("国家统计局数据显示工业增加值同比增长百分之七。", article.Excerpt);
        Assert.Contains("李四", article.Byline);
        var text = HtmlText.Of(article.Content);
        Assert.Contains("国家统计局周一公布的数据显示", text);
        Assert.Contains("才能确认复苏的持续性", text);
        foreach (var chrome in new[] { "热门文章", "读者评论", "版权所有", "关于我们", "首页" })
            Assert.DoesNotContain(chrome, text);
        Assert.Equal(HtmlText.Length(article.Content), article.TextLength);
    }

    [SkippableFact]
    public void Readability_on_a_page_without_text_gives_null() =>
        Assert.Null(FullTextExtractor.ByReadability("<html><body><nav><a href=\"/\"></a></nav><img src=\"a.jpg\"></body></html>", null));

    [SkippableFact]
    public void Extract_dispatches_on_the_full_text_setting()
    {
        var page = Page("cdt-article.html");

        Assert.Equal(FullTextExtractor.BySelector(page, "div.post-content")!.Content, FullTextExtractor.Extract(page, null, "div.post-content")!.Content);
        Assert.Contains("网友评论", FullTextExtractor.Extract(page, null, "readability")!.Content);
    }

    [SkippableFact]
    public void Poor_scored_result_yields_to_a_fallback_at_least_twice_as_rich()
    {
        var poor = new ExtractedArticle { Title = "标题", Content = "<p>短</p>", TextLength = 1 };
        var rich = new ExtractedArticle { Title = "别的", Content = "<p>长长</p>", TextLength = 2 };
        var slightlyRicher = new ExtractedArticle { Content = "<p>x</p>", TextLength = 1 };

        var chosen = FullTextExtractor.Better(poor, () => rich);

        Assert.Equal(("标题", "<p>长长</p>", 2), (chosen!.Title, chosen.Content, chosen.TextLength));
        Assert.Same(poor, FullTextExtractor.Better(poor, () => slightlyRicher));
        Assert.Same(rich, FullTextExtractor.Better(null, () => rich));
    }

    [SkippableFact]
    public void Good_scored_result_never_runs_the_fallback()
    {
        var good = new ExtractedArticle { Content = "<p>…</p>", TextLength = FullTextExtractor.TooLittleText };

        Assert.Same(good, FullTextExtractor.Better(good, () => throw new InvalidOperationException("fallback ran")));
    }

    [SkippableFact]
    public void Fallback_takes_the_element_with_the_most_paragraph_text()
    {
        const string page = "<html><body><div id=\"menu\"><p>菜单</p></div>" +
                            "<div id=\"story\"><p>第一段正文内容比较长。</p><p>第二段正文内容也比较长。</p></div>" +
                            "<nav><p>导航里的很长很长很长很长很长很长的文字</p></nav></body></html>";

        var content = MainContentFallback.Find(new HtmlParser().ParseDocument(page));

        Assert.Equal("<p>第一段正文内容比较长。</p><p>第二段正文内容也比较长。</p>", content);
    }
}
