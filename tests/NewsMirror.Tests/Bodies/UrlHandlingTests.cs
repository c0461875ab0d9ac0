using NewsMirror.Bodies;
using NewsMirror.Urls;

namespace NewsMirror.Tests.Bodies;

public class UrlHandlingTests
{
    [Theory]
    [InlineData("https://a.example/x?utm_source=rss", "https://a.example/x")]
    [InlineData("https://a.example/x?id=1&utm_campaign=c&UTM_MEDIUM=m", "https://a.example/x?id=1")]
    [InlineData("https://a.example/x?gclid=1&q=%E4%B8%AD#frag", "https://a.example/x?q=%E4%B8%AD#frag")]
    [InlineData("https://a.example/x?mc_cid=1&mc_eid=2&igshid=3&spm=4&fbclid=5", "https://a.example/x")]
    [InlineData("https://a.example/x?utm_source=a#q?utm_x=1", "https://a.example/x#q?utm_x=1")]
    [InlineData("https://a.example/x?id=1&Q=2", "https://a.example/x?id=1&Q=2")]
    [InlineData("https://www.bbc.co.uk/programmes/p08tqd6q?xtor=CS8-1000-%5BIn_Article_Promo_Box%5D", "https://www.bbc.co.uk/programmes/p08tqd6q")]
    [InlineData("mailto:a@b.example", "mailto:a@b.example")]
    public void Tracking_parameters_are_stripped_and_the_rest_kept_verbatim(string url, string expected) =>
        Assert.Equal(expected, TrackingParameters.Strip(url));

    [Theory]
    [InlineData("https://i.example/s.jpg 320w, https://i.example/l.jpg 1280w, https://i.example/m.jpg 640w", "https://i.example/l.jpg")]
    [InlineData("a.jpg, b.jpg 2x, c.jpg 1.5x", "b.jpg")]
    [InlineData("https://i.example/a,b.jpg 100w,https://i.example/c.jpg 50w", "https://i.example/a,b.jpg")]
    [InlineData("only.jpg", "only.jpg")]
    public void Best_srcset_candidate_is_the_largest(string srcset, string expected) => Assert.Equal(expected, Srcset.Best(srcset));

    [Fact]
    public void Empty_srcset_has_no_best() => Assert.Null(Srcset.Best("  "));
}
