using NewsMirror.Bodies;
using NewsMirror.Feeds;
using NewsMirror.Sources;
using NewsMirror.Selection;

namespace NewsMirror.Tests.Selection;

public class ItemFilterTests
{
    private static SourceConfig Source(ItemPatterns? include = null, ItemPatterns? exclude = null, CategoryRule categories = CategoryRule.Any) =>
        new() { Name = "测试", Folder = "test", Url = "https://feed.example/rss", Include = include, Exclude = exclude, Categories = categories };

    private static FeedItem Item(string title, string[]? categories = null, string? author = null, string? link = null, string? summary = null) =>
        new() { Id = title, Title = title, Categories = categories ?? [], Author = author, Link = link, Summary = summary };

    [Fact]
    public void Without_rules_every_item_is_kept() => Assert.True(ItemFilter.For(Source()).Check(Item("任何标题")).Keep);

    [Fact]
    public void Include_needs_every_given_field_to_match()
    {
        var filter = ItemFilter.For(Source(include: new ItemPatterns { Title = ["香港", "台湾"], Categories = ["^国际$"] }));

        Assert.True(filter.Check(Item("香港记者协会", ["国际"])).Keep);
        Assert.True(filter.Check(Item("台湾选举", ["要闻", "国际"])).Keep);
        var wrongCategory = filter.Check(Item("香港记者协会", ["国际要闻"]));
        Assert.False(wrongCategory.Keep);
        Assert.Contains("categories", wrongCategory.Reason);
        Assert.False(filter.Check(Item("北京天气", ["国际"])).Keep);
    }

    [Fact]
    public void Exclude_drops_on_any_matching_field()
    {
        var filter = ItemFilter.For(Source(exclude: new ItemPatterns { Author = ["^AFP$"], Link = ["/video/"] }));

        Assert.True(filter.Check(Item("a", author: "Reuters", link: "https://n.example/news/1")).Keep);
        Assert.False(filter.Check(Item("b", author: "afp", link: "https://n.example/news/2")).Keep);
        var video = filter.Check(Item("c", author: "Reuters", link: "https://n.example/video/3"));
        Assert.False(video.Keep);
        Assert.Contains("link", video.Reason);
    }

    [Fact]
    public void Body_patterns_see_text_without_markup()
    {
        var filter = ItemFilter.For(Source(exclude: new ItemPatterns { Body = ["广告合作"] }));

        Assert.False(filter.Check(Item("a", summary: "<p>广告<b>合作</b>请联系</p>")).Keep);
        Assert.True(filter.Check(Item("b", summary: "<p class=\"广告合作\">正文</p>")).Keep);
    }

    [Fact]
    public void Include_field_absent_from_the_item_does_not_match()
    {
        var filter = ItemFilter.For(Source(include: new ItemPatterns { Author = ["."] }));

        Assert.False(filter.Check(Item("无作者")).Keep);
    }

    [Fact]
    public void Symbol_or_emoji_rule_keeps_only_marked_categories()
    {
        var filter = ItemFilter.For(Source(categories: CategoryRule.SymbolOrEmoji));

        Assert.True(filter.Check(Item("a", ["综合", "【天朝主义】"])).Keep);
        Assert.True(filter.Check(Item("b", ["🔥热点"])).Keep);
        Assert.False(filter.Check(Item("c", ["综合", "香港"])).Keep);
        Assert.False(filter.Check(Item("d")).Keep);
    }

    [Fact]
    public void Invalid_pattern_fails_when_the_filter_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => ItemFilter.For(Source(include: new ItemPatterns { Title = ["(unclosed"] })));
        Assert.Contains("title", error.Message);
    }

    [Fact]
    public void Patterns_the_linear_engine_cannot_run_still_work()
    {
        var filter = ItemFilter.For(Source(include: new ItemPatterns { Title = [@"(\w)\1"] }));

        Assert.True(filter.Check(Item("aab")).Keep);
        Assert.False(filter.Check(Item("abc")).Keep);
    }

    [Fact]
    public void Catastrophic_pattern_is_cut_off_and_reported()
    {
        // Back-reference forces the backtracking engine, where this pattern is exponential on the title below.
        var filter = ItemFilter.For(Source(include: new ItemPatterns { Title = [@"^((a+)+)\1$|^(a|aa)+b\2"] }));

        var verdict = filter.Check(Item(new string('a', 40) + "!"));

        Assert.False(verdict.Keep);
        Assert.Contains("timed out", verdict.Reason);
    }
}
