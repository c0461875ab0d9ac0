using NewsMirror.Bodies;
using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Bodies;

public class ArticleBodyPipelineTests
{
    private static SourceConfig Source(string folder = "test") => new() { Name = "测试", Folder = folder, Url = "https://feed.example/rss" };

    private static FeedItem Item(string? summary, string? content = null, string link = "https://news.example/a/1.html") =>
        new() { Id = "1", Title = "标题", Link = link, Summary = summary, Content = content };

    [SkippableFact]
    public void Cleanup_none_returns_the_reference_body_byte_for_byte()
    {
        var article = ArchivedArticle.Fixture("rfi-999999.md");
        var source = Source("rfi") with { Cleanup = CleanupMode.None, Body = BodyField.Description };
        var notes = new SourceWarnings();

        var body = ArticleBodyPipeline.Prepare(Item(article.Body, link: article.Link.AbsoluteUri), source, null, null, notes);

        Assert.Equal(article.Body, body);
        Assert.Empty(notes);
    }

    [SkippableFact]
    public void Cdt_page_body_with_cleanup_none_is_the_reference_body()
    {
        var article = ArchivedArticle.Fixture("cdt-333044.md");
        var page = "<html><body><div class=\"post-content\">" + article.Body + "</div></body></html>";
        var source = Source("cdt") with { Cleanup = CleanupMode.None, FullText = "div.post-content", Body = BodyField.Description };

        var body = ArticleBodyPipeline.Prepare(Item("<p>摘要</p>", link: article.Link.AbsoluteUri), source, page, article.Link, []);

        Assert.Equal(article.Body, body);
    }

    [SkippableFact]
    public void Default_cleanup_applies_the_folders_rules_and_resolves_against_the_link()
    {
        var item = Item("<p>正文</p><img src=\"/img/a.jpg\"><br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a><br></div>");

        var body = ArticleBodyPipeline.Prepare(item, Source("voa"), null, null, []);

        Assert.Equal("<p>正文</p><img src=\"https://news.example/img/a.jpg\">", body);
    }

    [SkippableFact]
    public void Rss_guid_link_is_the_base_when_the_source_links_by_guid()
    {
        var item = Item("<a href=\"b.html\">x</a>", link: "https://feed.example/redirect") with { Guid = "https://www.rfa.org/mandarin/story/a.html" };

        var body = ArticleBodyPipeline.Prepare(item, Source("rfa") with { Link = LinkField.Guid }, null, null, []);

        Assert.Equal("<a href=\"https://www.rfa.org/mandarin/story/b.html\">x</a>", body);
    }

    [SkippableFact]
    public void With_cleanup_page_with_less_text_keeps_the_feed_body_and_notes_it()
    {
        var notes = new SourceWarnings();
        var source = Source() with { FullText = "div.post", Cleanup = CleanupMode.Default };

        var body = ArticleBodyPipeline.Prepare(Item("<p>订阅里的完整正文很长</p>"), source, "<div class=\"post\">短</div>", null, notes);

        Assert.Equal("<p>订阅里的完整正文很长</p>", body);
        Assert.Equal(["kept feed body: page had less text (1 < 10 characters)"], notes);
    }

    [SkippableFact]
    public void Without_cleanup_the_selected_page_html_is_kept_even_with_less_text()
    {
        var notes = new SourceWarnings();
        var source = Source() with { FullText = "div.post", Cleanup = CleanupMode.None };

        var body = ArticleBodyPipeline.Prepare(Item("<p>订阅里的完整正文很长</p>"), source, "<div class=\"post\">短<img src=\"https://n.example/a.jpg\"/></div>", null, notes);

        Assert.Equal("短<img src=\"https://n.example/a.jpg\">", body);
        Assert.Empty(notes);
    }

    [SkippableFact]
    public void Full_text_without_a_fetched_page_keeps_the_feed_body_and_notes_it()
    {
        var notes = new SourceWarnings();

        var body = ArticleBodyPipeline.Prepare(Item("<p>正文</p>"), Source() with { FullText = "readability", Cleanup = CleanupMode.None }, null, null, notes);

        Assert.Equal("<p>正文</p>", body);
        Assert.Single(notes);
    }

    [SkippableFact]
    public void Image_proxy_runs_after_cleanup()
    {
        var source = Source() with { Images = ImageMode.Proxy };

        var body = ArticleBodyPipeline.Prepare(Item("<img data-src=\"/a.jpg\" src=\"data:image/gif;base64,R0\">"), source, null, null, []);

        Assert.Equal("<img src=\"https://images.weserv.nl/?url=https%3A%2F%2Fnews.example%2Fa.jpg\">", body);
    }

    [SkippableFact]
    public void Item_without_body_gives_an_empty_body() =>
        Assert.Equal(string.Empty, ArticleBodyPipeline.Prepare(Item(null), Source(), null, null, []));
}
