using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

/// <summary>Whatever prefix of a real document arrives, the parser either returns a feed or says it is not one.</summary>
public class RobustnessTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.GetDirectoryName(FeedFixtures.PathOf("rss20.xml"))!).Order())
            if (!Path.GetFileName(path).StartsWith('.'))
                data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_truncation_parses_or_is_refused_cleanly(string fixture)
    {
        var bytes = FeedFixtures.Bytes(fixture);
        for (var length = 0; length <= bytes.Length; length += 3)
        {
            try
            {
                var feed = FeedParser.Parse(bytes.AsSpan(0, length), new FeedParseOptions { BaseUrl = new Uri("https://example.org/feed") });
                Assert.NotNull(feed.Format);
                Assert.All(feed.Items, item => Assert.False(string.IsNullOrEmpty(item.Id)));
            }
            catch (FeedParseException)
            {
                // Refusing a prefix that is not (yet) a feed is the documented outcome.
            }
        }
    }
}
