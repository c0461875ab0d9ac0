using NewsMirror.Feeds;
using NewsMirror.Selection;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Selection;

/// <summary>Every item of a document is either a candidate or named in a warning with its reason.</summary>
public class CandidateSelectionTests
{
    private static readonly DateTimeOffset FetchedAt = new(2024, 3, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Published = new(2024, 3, 26, 8, 45, 1, TimeSpan.Zero);

    private static SourceConfig Source(LinkField link = LinkField.Link, ItemPatterns? exclude = null) =>
        new() { Name = "金融时报", Folder = "ft", Url = "https://feed.example/ft.xml", Link = link, Exclude = exclude };

    private static FeedItem Item(string? title, string? link, string? guid = null, string? summary = null) =>
        new() { Id = guid ?? link ?? title ?? "x", Guid = guid, Title = title, Link = link, Summary = summary, Published = Published };

    private static (List<Candidate> Candidates, List<string> Warnings) Select(SourceConfig source, params FeedItem[] items)
    {
        var warnings = new SourceWarnings();
        var candidates = CandidateSelection.Select(new FeedDocument { Format = "rss2.0", Items = items }, source, FetchedAt, warnings);
        return (candidates, warnings.ToList());
    }

    [Fact]
    public void Items_with_distinct_guids_sharing_a_link_are_two_articles()
    {
        var (candidates, warnings) = Select(Source(),
            Item("英国央行维持利率不变", "https://www.ftchinese.com/story/001", "ft-001", "<p>一</p>"),
            Item("英国央行：通胀回落", "https://www.ftchinese.com/story/001", "ft-002", "<p>二</p>"));

        Assert.Empty(warnings);
        Assert.Equal(["英国央行维持利率不变", "英国央行：通胀回落"], candidates.Select(c => c.Record.Title));
        Assert.Equal(["ft-001", "ft-002"], candidates.Select(c => c.Guid));
        Assert.All(candidates, c => Assert.Equal("https://www.ftchinese.com/story/001", c.Record.Link));
    }

    [Fact]
    public void Items_with_distinct_guids_sharing_link_and_title_are_one_article_as_in_the_archive()
    {
        var (candidates, warnings) = Select(Source(),
            Item("每日简报", "https://n.example/daily", "g-1"),
            Item(" 每日简报 ", "https://n.example/daily", "g-2"));

        Assert.Equal(["g-1"], candidates.Select(c => c.Guid));
        Assert.Equal(["skipped, duplicate of item 1 of the feed (same link): 每日简报"], warnings);
    }

    [Fact]
    public void A_repeated_guid_or_a_repeated_link_without_guid_is_named_as_a_duplicate_of_its_first_item()
    {
        var (candidates, warnings) = Select(Source(),
            Item("第一条", "https://n.example/1", "g1"),
            Item("第一条（更新）", "https://n.example/1-updated", "g1"),
            Item("第二条", "https://n.example/2"),
            Item("第二条 重复", "http://N.example/2#comments"),
            Item("第三条", "https://n.example/3", "g3"),
            Item("第三条 无 guid", "https://n.example/3"));

        Assert.Equal(["第一条", "第二条", "第三条"], candidates.Select(c => c.Record.Title));
        Assert.Equal(
        [
            "skipped, duplicate of item 1 of the feed (same guid): 第一条（更新）",
            "skipped, duplicate of item 3 of the feed (same link): 第二条 重复",
            "skipped, duplicate of item 5 of the feed (same link): 第三条 无 guid",
        ], warnings);
    }

    [Fact]
    public void A_title_less_item_is_archived_under_the_start_of_its_text()
    {
        var (candidates, warnings) = Select(Source(),
            Item(null, "https://n.example/zh", summary: "<p>国务院今天发布通知。各地须在月底前完成排查，并上报结果。</p>"),
            Item(" \uFEFF\u3000", "https://n.example/en", summary: "<p>The central bank held rates at 5.25% on Thursday, citing sticky services inflation and a tight labour market.</p>"),
            Item("", "https://n.example/img", summary: "<p><img src=\"https://n.example/a.jpg\"></p>"));

        Assert.Equal(["国务院今天发布通知", "The central bank held rates at 5.25% on Thursday, citing…"], candidates.Select(c => c.Record.Title));
        Assert.Equal(["skipped, without title or body text to make one from: https://n.example/img"], warnings);
    }

    [Fact]
    public void An_item_whose_link_and_guid_are_not_web_addresses_is_archived_under_its_link_as_written()
    {
        var (candidates, warnings) = Select(Source(),
            Item("相对链接", "/news/8", "tag:n.example,2024:8"),
            Item("文件链接", "file:///srv/news/9.html"));

        Assert.Equal(["/news/8", "file:///srv/news/9.html"], candidates.Select(c => c.Record.Link));
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_link_less_item_uses_its_guid_when_that_is_a_web_address_and_is_skipped_otherwise()
    {
        var (candidates, warnings) = Select(Source(),
            Item("有 guid 网址", null, "https://n.example/?p=42"),
            Item("相对链接与网址 guid", "/news/7", "https://n.example/news/7"),
            Item("guid 不是网址", null, "tag:n.example,2024:43"),
            Item("没有 guid", "   "));

        Assert.Equal(["https://n.example/?p=42", "https://n.example/news/7"], candidates.Select(c => c.Record.Link));
        Assert.Equal("https://n.example/?p=42", candidates[0].Item.Link);
        Assert.Equal(
        [
            "skipped, without a link (none, nor a guid that is a web address): guid 不是网址",
            "skipped, without a link (none, nor a guid that is a web address): 没有 guid",
        ], warnings);
    }

    [Fact]
    public void A_guid_link_source_falls_back_to_the_link()
    {
        var (candidates, warnings) = Select(Source(LinkField.Guid),
            Item("guid 为网址", "https://n.example/a", "https://www.rfa.org/a.html"),
            Item("guid 不是网址", "https://n.example/b", "rfa-b"));

        Assert.Empty(warnings);
        Assert.Equal(["https://www.rfa.org/a.html", "https://n.example/b"], candidates.Select(c => c.Record.Link));
    }

    [Fact]
    public void Filtered_items_are_named_with_the_rule_and_labelled_by_title_else_link_else_guid()
    {
        var (candidates, warnings) = Select(Source(exclude: new ItemPatterns { Link = ["/video/"] }),
            Item("视频新闻", "https://n.example/video/1"),
            Item(null, "https://n.example/video/2", summary: "<p>视频</p>"),
            Item("正常新闻", "https://n.example/news/3"));

        Assert.Equal(["正常新闻"], candidates.Select(c => c.Record.Title));
        Assert.Equal(
        [
            "skipped, filtered out: link matches the exclude rule: 视频新闻",
            "skipped, filtered out: link matches the exclude rule: https://n.example/video/2",
        ], warnings);
    }

    [Fact]
    public void Judge_gives_one_verdict_per_item_in_document_order_and_select_warns_exactly_for_the_skipped()
    {
        var feed = new FeedDocument
        {
            Format = "rss2.0",
            Items =
            [
                Item("一", "https://n.example/1", "g1"), Item(null, null, "urn:x"), Item("一", "https://n.example/1", "g1"),
                Item("二", "https://n.example/2") with { Published = null },
            ],
        };
        var warnings = new SourceWarnings();

        var verdicts = CandidateSelection.Judge(feed, Source(), FetchedAt);
        var candidates = CandidateSelection.Select(feed, Source(), FetchedAt, warnings);

        Assert.Equal([1, 2, 3, 4], verdicts.Select(v => v.Position));
        Assert.Equal([null, "without a link (none, nor a guid that is a web address)", "duplicate of item 1 of the feed (same guid)", null],
            verdicts.Select(v => v.Skip));
        Assert.Equal(
        [
            "skipped, without a link (none, nor a guid that is a web address): urn:x",
            "skipped, duplicate of item 1 of the feed (same guid): 一",
            "no usable date, archived with the fetch time: 二",
        ], warnings);
        Assert.Equal(FetchedAt.ToUnixTimeMilliseconds(), candidates[1].Record.TimestampMs);
    }
}
