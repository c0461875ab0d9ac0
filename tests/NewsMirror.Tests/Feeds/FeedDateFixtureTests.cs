using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

/// <summary>Every date form FeedDate reads, as it arrives: inside a feed's pubDate, with the source's zone.</summary>
public class FeedDateFixtureTests
{
    private static readonly FeedDocument Feed = FeedParser.Parse(FeedFixtures.Bytes("dates.xml"),
        new FeedParseOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") });

    [Theory]
    [InlineData("rfc1123", "2024-03-26T08:45:01Z")]
    [InlineData("two-digit-year-no-seconds", "2024-03-26T08:45:00Z")]
    [InlineData("wrong-weekday-named-zone", "2024-03-26T08:45:01Z")]
    [InlineData("cst-is-us-central", "2024-03-26T08:45:01Z")]
    [InlineData("gmt-plus-8", "2024-03-26T08:45:01Z")]
    [InlineData("w3cdtf", "2024-03-26T08:45:01Z")]
    [InlineData("w3cdtf-date-only", "2024-03-25T16:00:00Z")]
    [InlineData("unix-seconds", "2024-03-26T08:45:01Z")]
    [InlineData("unix-milliseconds", "2024-03-26T08:45:01Z")]
    [InlineData("chinese", "2024-03-26T08:45:00Z")]
    [InlineData("day-first-slash", "2024-03-26T08:45:00Z")]
    [InlineData("day-first-dot", "2024-03-26T08:45:00Z")]
    [InlineData("space-separated", "2024-03-26T08:45:00Z")]
    [InlineData("unparsable", null)]
    public void Item_date_is_read_in_the_source_zone(string title, string? expectedUtc)
    {
        var item = Feed.Items.Single(i => i.Title == title);
        Assert.Equal(expectedUtc is null ? null : DateTimeOffset.Parse(expectedUtc), item.Published);
    }
}
