using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class BodyCleanerTests
{
    private static readonly Uri Article = new("https://news.example/world/2024/story.html");

    private static IElement CleanToBody(string html, CleanupOptions? options = null)
    {
        var cleaned = BodyCleaner.Clean(html, options ?? new CleanupOptions { BaseUrl = Article });
        return new HtmlParser().ParseDocument("<body>" + cleaned + "</body>").Body!;
    }

    [Fact]
    public void Relative_urls_become_absolute_against_the_article_link()
    {
        var body = CleanToBody("<a href=\"../other.html\">a</a><img src=\"/img/x.jpg\" srcset=\"/img/x-320.jpg 320w, img/x-640.jpg 640w\"><a href=\"//cdn.example/y\">b</a><a href=\"#note\">c</a>");

        Assert.Equal("https://news.example/world/other.html", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("https://news.example/img/x.jpg", body.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("https://news.example/img/x-320.jpg 320w, https://news.example/world/2024/img/x-640.jpg 640w", body.QuerySelector("img")!.GetAttribute("srcset"));
        Assert.Equal("https://cdn.example/y", body.QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Equal("#note", body.QuerySelectorAll("a")[2].GetAttribute("href"));
    }

    [Theory]
    [InlineData("data-src")]
    [InlineData("data-original")]
    [InlineData("data-lazy-src")]
    public void Lazy_image_attribute_replaces_the_placeholder(string attribute)
    {
        var body = CleanToBody($"<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" {attribute}=\"/photos/real.jpg\" alt=\"照片\">");

        var image = Assert.Single(body.QuerySelectorAll("img"));
        Assert.Equal("https://news.example/photos/real.jpg", image.GetAttribute("src"));
        Assert.Null(image.GetAttribute(attribute));
    }

    [Fact]
    public void Srcset_only_image_gets_its_largest_candidate_as_src()
    {
        var body = CleanToBody("<img srcset=\"https://img.example/s.jpg 320w, https://img.example/l.jpg 1024w, https://img.example/m.jpg 640w\" sizes=\"100vw\" loading=\"lazy\">");

        var image = body.QuerySelector("img")!;
        Assert.Equal("https://img.example/l.jpg", image.GetAttribute("src"));
        Assert.Equal("100vw", image.GetAttribute("sizes"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.NotNull(image.GetAttribute("srcset"));
    }

    [Fact]
    public void Lazy_srcset_and_sizes_are_moved_into_place()
    {
        var body = CleanToBody("<img src=\"data:image/svg+xml,%3Csvg%3E%3C/svg%3E\" data-src=\"https://img.example/a.jpg\" data-srcset=\"https://img.example/a-2x.jpg 2x\" data-sizes=\"50vw\">");

        var image = body.QuerySelector("img")!;
        Assert.Equal("https://img.example/a.jpg", image.GetAttribute("src"));
        Assert.Equal("https://img.example/a-2x.jpg 2x", image.GetAttribute("srcset"));
        Assert.Equal("50vw", image.GetAttribute("sizes"));
    }

    [Fact]
    public void Noscript_copy_of_a_lazy_image_is_dropped_and_a_lone_one_is_kept()
    {
        var duplicated = CleanToBody("<p><img src=\"data:image/svg+xml,x\" data-lazy-src=\"https://img.example/a.png\"><noscript><img src=\"https://img.example/a.png\"></noscript></p>");
        var lone = CleanToBody("<p><noscript><img src=\"https://img.example/b.png\" alt=\"b\"></noscript>图注</p>");

        Assert.Single(duplicated.QuerySelectorAll("img"));
        Assert.Equal("https://img.example/b.png", Assert.Single(lone.QuerySelectorAll("img")).GetAttribute("src"));
        Assert.Equal("图注", lone.TextContent);
    }

    [Fact]
    public void Tracking_parameters_are_stripped_from_links_only()
    {
        var body = CleanToBody("<a href=\"https://site.example/a?id=7&amp;utm_source=rss&amp;utm_medium=feed&amp;fbclid=abc#top\">a</a><img src=\"https://img.example/p.jpg?utm_source=x\">");

        Assert.Equal("https://site.example/a?id=7#top", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("https://img.example/p.jpg?utm_source=x", body.QuerySelector("img")!.GetAttribute("src"));
    }

    [Theory]
    [InlineData("<img src=\"https://site.example/b.gif\" width=\"1\" height=\"1\">")]
    [InlineData("<img src=\"https://site.example/b.gif\" width=\"0\" height=\"0\" alt=\"\">")]
    [InlineData("<img src=\"https://pixel.wp.com/g.gif?v=1\">")]
    [InlineData("<img src=\"https://www.google-analytics.com/collect?tid=1\">")]
    [InlineData("<img src=\"https://feeds.feedburner.com/~r/example/~4/abc\">")]
    public void Tracking_pixels_are_removed(string pixel)
    {
        var body = CleanToBody("<p>正文</p>" + pixel + "<img src=\"https://img.example/real.jpg\" width=\"600\" height=\"400\">");

        Assert.Equal("https://img.example/real.jpg", Assert.Single(body.QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void Video_host_iframes_stay_and_others_go_unless_the_source_allows_them()
    {
        const string html = "<iframe src=\"https://www.youtube.com/embed/abc\" allowfullscreen></iframe>" +
                            "<iframe src=\"//player.bilibili.com/player.html?bvid=1\"></iframe>" +
                            "<iframe src=\"https://ads.example/frame\"></iframe>" +
                            "<iframe src=\"https://embed.example.org/v/1\"></iframe>";

        var byDefault = CleanToBody(html).QuerySelectorAll("iframe").Select(i => i.GetAttribute("src") ?? "").ToArray();
        var extended = CleanToBody(html, new CleanupOptions { BaseUrl = Article, IframeHosts = ["example.org"] }).QuerySelectorAll("iframe").Length;

        Assert.Equal(["https://www.youtube.com/embed/abc", "https://player.bilibili.com/player.html?bvid=1"], byDefault);
        Assert.Equal(3, extended);
    }

    [Fact]
    public void Article_markup_survives()
    {
        const string html = "<figure><img src=\"https://img.example/a.jpg\" alt=\"a\"><figcaption>图说</figcaption></figure>" +
                            "<video controls poster=\"https://img.example/p.jpg\"><source src=\"https://v.example/a.mp4\" type=\"video/mp4\"></video>" +
                            "<audio controls src=\"https://a.example/a.mp3\"></audio>" +
                            "<table><thead><tr><th>年</th></tr></thead><tbody><tr><td colspan=\"2\">2024</td></tr></tbody></table>" +
                            "<time datetime=\"2024-03-05\">3月5日</time><address>记者 王五</address><blockquote><p>引文</p></blockquote>" +
                            "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"inline\">";

        var body = CleanToBody(html);

        foreach (var selector in new[] { "figure > img", "figcaption", "video[controls][poster]", "video > source[src][type]", "audio[src]", "th", "td[colspan]", "time[datetime]", "address", "blockquote > p" })
            Assert.NotNull(body.QuerySelector(selector));
        Assert.Equal("data:image/png;base64,iVBORw0KGgo=", body.QuerySelector("img[alt=inline]")!.GetAttribute("src"));
    }

    [Fact]
    public void Unknown_wrappers_are_unwrapped_keeping_their_text()
    {
        var body = CleanToBody("<custom-card><font color=\"red\">保留的文字</font></custom-card><form><p>表单里的段落</p><input value=\"x\"></form>");

        Assert.Equal("保留的文字表单里的段落", body.TextContent);
        Assert.Null(body.QuerySelector("custom-card, font, form, input"));
    }

    [Fact]
    public void Source_removal_selectors_apply()
    {
        var options = CleanupOptions.For(new NewsMirror.Sources.SourceConfig { Name = "x", Folder = "x", Url = "https://x.example/feed", Remove = [".related", "#comments"] }, Article);

        var body = CleanToBody("<p>正文</p><div class=\"related\">相关阅读</div><section id=\"comments\">评论</section>", options);

        Assert.Equal("正文", body.TextContent);
    }

    [Fact]
    public void Invalid_removal_selector_is_reported()
    {
        var error = Assert.Throws<ArgumentException>(() => JunkRule.Selector("bad", "div[["));
        Assert.Contains("div[[", error.Message);
    }

    [Fact]
    public void Empty_body_stays_empty() => Assert.Equal(string.Empty, BodyCleaner.Clean("  ", new CleanupOptions()));
}
