using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

public class FeedDateTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    // RFC 822 / 1123 and their breakages
    [InlineData("Tue, 26 Mar 2024 08:45:01 GMT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 08:45:01 +0000", "2024-03-26T08:45:01Z")]
    [InlineData("26 Mar 2024 08:45:01 GMT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 24 08:45:01 GMT", "2024-03-26T08:45:01Z")]
    [InlineData("Sat, 26 Mar 99 08:45:01 GMT", "1999-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 08:45 GMT", "2024-03-26T08:45:00Z")]
    [InlineData("Fri, 26 Mar 2024 08:45:01 GMT", "2024-03-26T08:45:01Z")]
    [InlineData("Tuesday, 26 March 2024 08:45:01 GMT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 16:45:01 +0800", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 16:45:01 +08:00", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 16:45:01 GMT+8", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 16:45:01 GMT+08:00", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 04:45:01 EDT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 03:45:01 EST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 02:45:01 CST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 03:45:01 CDT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 01:45:01 MST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 02:45:01 MDT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 00:45:01 PST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 01:45:01 PDT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 08:45:01 UT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 08:45:01 Z", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 16:45:01 HKT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 17:45:01 JST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 17:45:01 KST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 09:45:01 CET", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 10:45:01 CEST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 09:45:01 BST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26 Mar 2024 14:15:01 IST", "2024-03-26T08:45:01Z")]
    [InlineData("Tue, 26-Mar-2024 08:45:01 GMT", "2024-03-26T08:45:01Z")]
    [InlineData("Tue Mar 26 2024 16:45:01 GMT+0800 (China Standard Time)", "2024-03-26T08:45:01Z")]
    [InlineData("Tue Mar 26 02:45:01 CST 2024", "2024-03-26T08:45:01Z")]
    [InlineData("March 26, 2024 8:45 AM GMT", "2024-03-26T08:45:00Z")]
    // ISO 8601 / W3CDTF in all partial forms
    [InlineData("2024-03-26T08:45:01Z", "2024-03-26T08:45:01Z")]
    [InlineData("2024-03-26T08:45:01.123Z", "2024-03-26T08:45:01.123Z")]
    [InlineData("2024-03-26T16:45:01+08:00", "2024-03-26T08:45:01Z")]
    [InlineData("2024-03-26T16:45:01+0800", "2024-03-26T08:45:01Z")]
    [InlineData("2024-03-26T16:45+08:00", "2024-03-26T08:45:00Z")]
    [InlineData("2024-03-26T16:45:01+08", "2024-03-26T08:45:01Z")]
    [InlineData("20240326T084501Z", "2024-03-26T08:45:01Z")]
    [InlineData("2024-086T08:45:01Z", "2024-03-26T08:45:01Z")]
    [InlineData("2024-03-26 08:45:01 +0000", "2024-03-26T08:45:01Z")]
    [InlineData("2024/03/26 08:45:01 Z", "2024-03-26T08:45:01Z")]
    // Unix timestamps
    [InlineData("1711442701", "2024-03-26T08:45:01Z")]
    [InlineData("1711442701000", "2024-03-26T08:45:01Z")]
    [InlineData("1711442701.5", "2024-03-26T08:45:01.5Z")]
    public void Parses_forms_with_a_zone(string text, string expectedUtc)
    {
        var parsed = FeedDate.Parse(text, Shanghai);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc), parsed);
    }

    [Theory]
    [InlineData("2024-03-26 09:42", "2024-03-26T09:42:00+08:00")]
    [InlineData("2024-03-26T09:42:00", "2024-03-26T09:42:00+08:00")]
    [InlineData("2024-03-26", "2024-03-26T00:00:00+08:00")]
    [InlineData("2024-03", "2024-03-01T00:00:00+08:00")]
    [InlineData("2024", "2024-01-01T00:00:00+08:00")]
    [InlineData("2024年3月26日 09:42", "2024-03-26T09:42:00+08:00")]
    [InlineData("2024年03月26日09时42分", "2024-03-26T09:42:00+08:00")]
    [InlineData("2024年3月26日 下午3:05", "2024-03-26T15:05:00+08:00")]
    [InlineData("2024年3月26日", "2024-03-26T00:00:00+08:00")]
    [InlineData("26/03/2024 - 09:42", "2024-03-26T09:42:00+08:00")]
    [InlineData("26.03.2024 09:42", "2024-03-26T09:42:00+08:00")]
    [InlineData("26-03-2024 09:42:30", "2024-03-26T09:42:30+08:00")]
    [InlineData("03/26/2024 09:42", "2024-03-26T09:42:00+08:00")]
    [InlineData("Tue, 26 Mar 2024 09:42:00", "2024-03-26T09:42:00+08:00")]
    public void Times_without_a_zone_use_the_given_zone(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), FeedDate.Parse(text, Shanghai));
    }

    [Fact]
    public void Default_zone_applies_its_own_daylight_saving_rules()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(TimeSpan.FromHours(-4), FeedDate.Parse("2024-07-01 12:00", newYork)!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), FeedDate.Parse("2024-01-01 12:00", newYork)!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a date")]
    [InlineData("Tue, 31 Feb 2024 08:45:01 GMT")]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    [InlineData("Tue, 26 Mar 2024 25:45:01 GMT")]
    [InlineData("26 Mar")]
    public void Unparsable_dates_are_null(string text)
    {
        Assert.Null(FeedDate.Parse(text, Shanghai));
    }

    [Fact]
    public void An_unparsable_item_date_is_reported()
    {
        var feed = FeedFixtures.ParseText("<rss version=\"2.0\"><channel><item><title>t</title><link>https://example.org/</link><pubDate>sometime soon</pubDate></item></channel></rss>");
        Assert.Null(Assert.Single(feed.Items).Published);
        Assert.Contains("unparsable date \"sometime soon\"", feed.Errors);
    }
}
