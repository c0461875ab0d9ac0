using NewsMirror.Bodies;
using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Bodies;

public class BodySelectorTests
{
    private static FeedItem Item(string? summary, string? content) => new() { Id = "1", Summary = summary, Content = content };

    [Fact]
    public void Description_and_content_take_their_field()
    {
        var item = Item("<p>摘要</p>", "<p>全文</p>");

        Assert.Equal("<p>摘要</p>", BodySelector.Choose(item, BodyField.Description));
        Assert.Equal("<p>全文</p>", BodySelector.Choose(item, BodyField.Content));
    }

    [Fact]
    public void Auto_takes_the_field_with_more_text_not_more_markup()
    {
        var item = Item("<p>这是一段比较长的摘要文字</p>", "<div class=\"a very long class list\"><p><span><b>短</b></span></p></div>");

        Assert.Equal(item.Summary, BodySelector.Choose(item, BodyField.Auto));
    }

    [Fact]
    public void Auto_prefers_content_on_a_tie()
    {
        var item = Item("<p>一二三</p>", "<b>四五六</b>");

        Assert.Equal(item.Content, BodySelector.Choose(item, BodyField.Auto));
    }

    [Theory]
    [InlineData(BodyField.Auto)]
    [InlineData(BodyField.Description)]
    [InlineData(BodyField.Content)]
    public void Missing_body_is_empty_not_null(BodyField field) => Assert.Equal(string.Empty, BodySelector.Choose(Item(null, null), field));

    [Fact]
    public void Auto_never_prefers_a_blank_content_field()
    {
        var item = Item("<img src=\"https://img.example/a.jpg\">", " ");

        Assert.Equal(item.Summary, BodySelector.Choose(item, BodyField.Auto));
    }

    [Fact]
    public void Auto_falls_back_to_the_only_field_present()
    {
        Assert.Equal("<p>仅摘要</p>", BodySelector.Choose(Item("<p>仅摘要</p>", null), BodyField.Auto));
        Assert.Equal("<p>仅全文</p>", BodySelector.Choose(Item(null, "<p>仅全文</p>"), BodyField.Auto));
    }
}
