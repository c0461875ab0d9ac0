using NewsMirror.Evidence.Probes;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Evidence.Probes;

public class ProbeClassifierTests
{
    private const string Link = "http://news.example.org/2026/03/01/story-1.html";
    private static readonly string Text = ProbeArchive.ChineseText(1, 300);
    private static readonly SourceConfig Source = new() { Name = "t", Folder = "t", Url = "http://news.example.org/feed" };

    private static ProbeLogLine Classify(string html, string finalUrl, ArticleProbeState? state = null) =>
        ProbeClassifier.Classify(new ProbeResponse { Status = 200, Html = html, FinalUrl = new Uri(finalUrl) }, Link, Text,
            state ?? ArticleProbeState.None, Source, DateTimeOffset.UnixEpoch, 1, "1.md");

    private static string Article(string title, string text) => ProbeArchive.Html(title, $"<article><h1>{title}</h1><p>{text}</p></article>");

    [Theory]
    [InlineData("http://news.example.org/", RedirectKinds.Home)]
    [InlineData("http://news.example.org/world/", RedirectKinds.Section)]
    [InlineData("http://news.example.org/2026/03/02/story-2.html", RedirectKinds.Article)]
    [InlineData("http://news.example.org/?p=1234", RedirectKinds.Article)]
    public void A_redirect_away_from_the_article_is_named_by_where_it_leads(string target, string kind)
    {
        var line = Classify(Article("别的", ProbeArchive.ChineseText(2, 300)), target);

        Assert.Equal((ProbeOutcomes.Redirected, kind, new Uri(target).AbsoluteUri), (line.Outcome, line.Redirect, line.Target));
    }

    [Fact]
    public void The_article_at_a_new_address_is_live_and_the_address_is_kept()
    {
        var line = Classify(Article("标题", Text), "https://www.news.example.org/archive/story-1");

        Assert.Equal(ProbeOutcomes.Live, line.Outcome);
        Assert.Equal("https://www.news.example.org/archive/story-1", line.Target);
    }

    [Fact]
    public void Https_www_and_a_trailing_slash_are_the_same_address()
    {
        Assert.True(ArticleAddress.Same(Link, new Uri("https://www.news.example.org/2026/03/01/story-1.html/")));
        Assert.Null(Classify(Article("标题", Text), "https://www.news.example.org/2026/03/01/story-1.html").Target);
    }

    [Fact]
    public void A_notice_alone_is_not_enough_when_the_article_is_still_there()
    {
        var line = Classify(ProbeArchive.Html("标题", $"<article><h1>标题</h1><p>{Text}</p><p>读者来信：this page is no longer available</p></article>"), Link);

        Assert.Equal(ProbeOutcomes.Live, line.Outcome);
        Assert.Equal("this page is no longer available", line.Notice);
    }

    [Fact]
    public void A_notice_lowers_the_bar_for_a_page_that_kept_only_part_of_the_text()
    {
        var partial = Text[..(Text.Length * 2 / 3)] + ProbeArchive.ChineseText(3, 100);
        Assert.Equal(ProbeOutcomes.Live, Classify(Article("标题", partial), Link).Outcome);
        Assert.Equal(ProbeOutcomes.Replaced, Classify(Article("标题", partial + "此内容已被删除"), Link).Outcome);
    }

    [Theory]
    [InlineData(404, ProbeOutcomes.Removed)]
    [InlineData(410, ProbeOutcomes.Removed)]
    [InlineData(403, ProbeOutcomes.Unreachable)]
    [InlineData(429, ProbeOutcomes.Unreachable)]
    [InlineData(503, ProbeOutcomes.Unreachable)]
    [InlineData(null, ProbeOutcomes.Unreachable)]
    public void Only_404_and_410_say_removed(int? status, string outcome)
    {
        var line = ProbeClassifier.Classify(new ProbeResponse { Status = status, Error = "failed" }, Link, Text, ArticleProbeState.None, Source,
            DateTimeOffset.UnixEpoch, 1, "1.md");

        Assert.Equal(outcome, line.Outcome);
    }
}
