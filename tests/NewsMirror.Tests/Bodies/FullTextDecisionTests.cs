using NewsMirror.Bodies;
using NewsMirror.Sources;

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

    private const string Excerpt = "<p>中国数字时代消息：网友整理的截图记录了当天的讨论，原帖已被删除。以下为部分截图。</p>";
    private const string ImageOnly = "<p><img src=\"https://cdt.example/a.jpg\" alt=\"\"></p><figure><img src=\"https://cdt.example/b.jpg\"><figcaption>图</figcaption></figure>";

    [Fact]
    public void With_cleanup_none_a_selector_page_is_kept_even_with_less_text()
    {
        var choice = FullTextDecision.Decide(Excerpt, Page(ImageOnly), "div.post-content", CleanupMode.None);

        Assert.Equal((ImageOnly, true, (string?)null), (choice.Body, choice.UsedPage, choice.Note));
    }

    [Fact]
    public void With_cleanup_on_images_count_as_content()
    {
        var choice = FullTextDecision.Decide(Excerpt, Page(ImageOnly), "div.post-content", CleanupMode.Default);

        Assert.Equal((ImageOnly, true, (string?)null), (choice.Body, choice.UsedPage, choice.Note));
    }

    [Fact]
    public void With_cleanup_on_a_feed_body_richer_in_text_and_media_is_kept_and_the_note_counts_both()
    {
        var feed = "<p>" + new string('长', 600) + "</p><img src=\"https://n.example/a.jpg\">";

        var choice = FullTextDecision.Decide(feed, Page("<p><img src=\"https://n.example/b.jpg\">短</p>"), "readability", CleanupMode.None);

        Assert.Equal(feed, choice.Body);
        Assert.Equal("kept feed body: page had less content (1 characters and 1 media < 600 characters and 1 media)", choice.Note);
    }

    [Theory]
    [InlineData("<p>文字</p>", 0)]
    [InlineData("<img src=\"a.jpg\"><img src=\"p.gif\" width=\"1\" height=\"1\">", 1)]
    [InlineData("<figure><img src=\"a.jpg\"></figure><figure><blockquote>引文</blockquote></figure>", 2)]
    [InlineData("<video src=\"v.mp4\"></video><audio src=\"a.mp3\"></audio><iframe src=\"https://www.youtube.com/embed/x\"></iframe>", 3)]
    public void Media_are_images_video_audio_frames_and_figures(string html, int count) => Assert.Equal(count, HtmlMedia.Count(html));
}
