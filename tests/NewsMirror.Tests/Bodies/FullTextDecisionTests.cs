using NewsMirror.Bodies;

namespace NewsMirror.Tests.Bodies;

public class FullTextDecisionTests
{
    private static ExtractedArticle Page(string html) => new() { Content = html, TextLength = HtmlText.Length(html) };

    [Fact]
    public void Page_with_at_least_as_much_text_wins()
    {
        var choice = FullTextDecision.Decide("<p>一二三</p>", Page("<div><p>四五六</p></div>"), "div.post");

        Assert.Equal(("<div><p>四五六</p></div>", true, (string?)null), (choice.Body, choice.UsedPage, choice.Note));
    }

    [Fact]
    public void Page_with_less_text_keeps_the_feed_body_and_says_why()
    {
        var choice = FullTextDecision.Decide("<p>完整的订阅正文</p>", Page("<p>摘要</p>"), "readability");

        Assert.Equal("<p>完整的订阅正文</p>", choice.Body);
        Assert.False(choice.UsedPage);
        Assert.Equal("kept feed body: page had less text (2 < 7 characters)", choice.Note);
    }

    [Fact]
    public void Missing_page_content_keeps_the_feed_body()
    {
        var choice = FullTextDecision.Decide("<p>正文</p>", null, "div.post-content");

        Assert.Equal("<p>正文</p>", choice.Body);
        Assert.Contains("div.post-content", choice.Note);
    }
}
