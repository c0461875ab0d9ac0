using AngleSharp.Html.Parser;
using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class ImageRewriterTests
{
    private const string Weserv = "https://images.weserv.nl/?url={url}";
    private static readonly Uri Article = new("https://news.example/world/story.html");

    private static AngleSharp.Dom.IElement Body(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;

    [Fact]
    public void Proxy_rewrites_src_srcset_and_poster_with_the_encoded_absolute_url()
    {
        var html = ImageRewriter.Proxy(
            "<img src=\"/img/a b.jpg?x=1&amp;y=2\" srcset=\"https://cdn.example/a-1.jpg 1x, https://cdn.example/a-2.jpg 2x\"><video poster=\"https://cdn.example/p.jpg\" src=\"https://cdn.example/v.mp4\"></video>",
            Weserv, Article);

        var body = Body(html);
        Assert.Equal("https://images.weserv.nl/?url=https%3A%2F%2Fnews.example%2Fimg%2Fa%2520b.jpg%3Fx%3D1%26y%3D2", body.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("https://images.weserv.nl/?url=https%3A%2F%2Fcdn.example%2Fa-1.jpg 1x, https://images.weserv.nl/?url=https%3A%2F%2Fcdn.example%2Fa-2.jpg 2x", body.QuerySelector("img")!.GetAttribute("srcset"));
        Assert.Equal("https://images.weserv.nl/?url=https%3A%2F%2Fcdn.example%2Fp.jpg", body.QuerySelector("video")!.GetAttribute("poster"));
        Assert.Equal("https://cdn.example/v.mp4", body.QuerySelector("video")!.GetAttribute("src"));
    }

    [Fact]
    public void Raw_placeholder_inserts_the_url_unencoded()
    {
        var html = ImageRewriter.Proxy("<img src=\"https://cdn.example/a.jpg\">", "https://proxy.example/{url_raw}", null);

        Assert.Equal("https://proxy.example/https://cdn.example/a.jpg", Body(html).QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public void Images_on_a_known_proxy_or_the_templates_own_and_inline_images_are_left_alone()
    {
        const string html = "<img src=\"https://images.weserv.nl?url=gdb.voanews.com/a.jpg\"><img src=\"https://my-proxy.example/p?u=https%3A%2F%2Fx\"><img src=\"data:image/png;base64,AAAA\">";

        Assert.Equal(html, ImageRewriter.Proxy(html, "https://my-proxy.example/p?u={url}", Article));
    }

    [Fact]
    public void Template_without_placeholder_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ImageRewriter.Proxy("<img src=\"a.jpg\">", "https://proxy.example/", null));

    [Fact]
    public void Image_urls_are_listed_absolute_distinct_and_in_order()
    {
        var urls = ImageRewriter.ListImageUrls(
            "<img src=\"/a.jpg\" srcset=\"/a.jpg 1x, /a@2x.jpg 2x\"><picture><source srcset=\"https://cdn.example/b.webp\"><img src=\"https://cdn.example/b.jpg\"></picture><video poster=\"c.jpg\"></video><img src=\"data:image/gif;base64,R0\">",
            Article);

        Assert.Equal(["https://news.example/a.jpg", "https://news.example/a@2x.jpg", "https://cdn.example/b.webp", "https://cdn.example/b.jpg", "https://news.example/world/c.jpg"], urls);
    }

    [Fact]
    public void Localize_points_listed_urls_at_their_local_paths()
    {
        const string html = "<p>图</p><img src=\"/a.jpg\" srcset=\"/a.jpg 1x, https://cdn.example/a2.jpg 2x\"><img src=\"https://cdn.example/unknown.jpg\">";
        var map = new Dictionary<string, string>
        {
            ["https://news.example/a.jpg"] = "images/1/a.jpg",
            ["https://cdn.example/a2.jpg"] = "images/1/a2.jpg",
        };

        var body = Body(ImageRewriter.Localize(html, map, Article));

        var images = body.QuerySelectorAll("img");
        Assert.Equal("images/1/a.jpg", images[0].GetAttribute("src"));
        Assert.Equal("images/1/a.jpg 1x, images/1/a2.jpg 2x", images[0].GetAttribute("srcset"));
        Assert.Equal("https://cdn.example/unknown.jpg", images[1].GetAttribute("src"));
        Assert.Equal("图", body.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Body_without_images_is_returned_unchanged()
    {
        const string html = "<p>没有图片<br/>也不重新序列化</p>";

        Assert.Same(html, ImageRewriter.Proxy(html, Weserv, Article));
    }
}
