using NewsMirror.Urls;

namespace NewsMirror.Tests.Urls;

public class HttpUrlTests
{
    [Theory]
    [InlineData("http://www.rfi.fr/cn/", true)]
    [InlineData("https://www.dw.com/zh/a-55201011", true)]
    [InlineData("HTTPS://WWW.BBC.COM/zhongwen", true)]
    [InlineData("httpx://example.com/", false)]
    [InlineData("https-proxy://example.com/", false)]
    [InlineData("ftp://example.com/file", false)]
    [InlineData("file:///tmp/feed.xml", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("mailto:news@example.com", false)]
    [InlineData("//cdn.example.com/a.png", false)]
    [InlineData("/articles/1.html", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_and_https_urls_pass(string? text, bool expected)
    {
        Assert.Equal(expected, HttpUrl.Is(text));
        Assert.Equal(expected, HttpUrl.TryParse(text, out var uri));
        Assert.Equal(expected, uri is not null);
    }

    [Fact]
    public void A_relative_uri_object_is_not_an_http_url()
    {
        Assert.False(HttpUrl.Is(new Uri("/news/1.html", UriKind.Relative)));
        Assert.True(HttpUrl.Is(new Uri("https://www.voachinese.com/")));
    }
}
