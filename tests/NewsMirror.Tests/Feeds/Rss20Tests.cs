using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class Rss20Tests
{
    private readonly FeedDocument _feed = FeedFixtures.Parse("rss20.xml", baseUrl: "https://www.rfi.fr/cn/rss");

    [Fact]
    public void Channel_fields_are_read()
    {
        Assert.Equal("rss2.0", _feed.Format);
        Assert.Equal("法广 RFI - 中文", _feed.Title);
        Assert.Equal("https://www.rfi.fr/cn/", _feed.Link);
        Assert.Equal("RFI & friends", _feed.Description);
        Assert.Equal("zh-CN", _feed.Language);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 9, 50, 0, TimeSpan.Zero), _feed.Updated);
        Assert.Equal(TimeSpan.FromMinutes(60), _feed.UpdatePeriod);
        Assert.Equal(3, _feed.Items.Count);
    }

    [Fact]
    public void Title_is_decoded_but_not_trimmed()
    {
        Assert.Equal(" 美国防部长会见日本安保局长 日美菲首脑4月举行峰会 ", _feed.Items[0].Title);
        Assert.Equal("AT&T \u201Cquoted\u201D <b>", _feed.Items[1].Title);
    }

    [Fact]
    public void Link_is_trimmed_and_kept_as_written_when_absolute()
    {
        Assert.Equal("https://www.rfi.fr/cn/%E4%BA%9A%E6%B4%B2/20240326-us-japan", _feed.Items[0].Link);
    }

    [Fact]
    public void Relative_link_resolves_against_the_feed_url()
    {
        Assert.Equal("https://www.rfi.fr/cn/relative-article", _feed.Items[1].Link);
    }

    [Fact]
    public void Permalink_guid_stands_in_for_a_missing_link()
    {
        Assert.Equal("https://www.rfi.fr/cn/guid-as-link", _feed.Items[2].Link);
        Assert.Equal("https://www.rfi.fr/cn/guid-as-link", _feed.Items[2].Id);
    }

    [Fact]
    public void Description_and_content_encoded_stay_separate_and_exact()
    {
        var item = _feed.Items[0];
        Assert.Equal("<div>26/03/2024 - 09:42</div><img src=\"https://s.rfi.fr/a.jpg\"><p>第一段\r\n第二段\r第三段</p>", item.Summary);
        Assert.Equal("<p>全文 &amp; more</p>", item.Content);
    }

    [Fact]
    public void Carriage_returns_in_escaped_text_survive()
    {
        Assert.Equal("Line one\r\nline two &lt;br&gt;", _feed.Items[1].Summary);
    }

    [Fact]
    public void Guid_is_the_id_and_raw_guid_is_kept()
    {
        Assert.Equal("rfi-20240326-1", _feed.Items[0].Guid);
        Assert.Equal("rfi-20240326-1", _feed.Items[0].Id);
        Assert.Equal("https://www.rfi.fr/cn/relative-article", _feed.Items[1].Id);
    }

    [Fact]
    public void Dates_categories_author_and_enclosures_are_read()
    {
        var first = _feed.Items[0];
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 8, 45, 1, TimeSpan.Zero), first.Published);
        Assert.Equal(1711442701000, first.Published!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(new DateTimeOffset(2024, 3, 25, 23, 0, 0, TimeSpan.FromHours(8)), _feed.Items[1].Published);
        Assert.Null(_feed.Items[2].Published);
        Assert.Equal(["亚洲", "美国"], first.Categories);
        Assert.Equal("RFI", first.Author);
        Assert.Equal([new FeedEnclosure("https://s.rfi.fr/a.jpg", "image/jpeg", 12345)], first.Enclosures);
    }

    [Fact]
    public void A_clean_feed_reports_no_recoveries()
    {
        Assert.Empty(_feed.Errors);
    }
}
