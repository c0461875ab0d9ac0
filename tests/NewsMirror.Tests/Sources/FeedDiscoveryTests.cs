using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Sources;

/// <summary>Finding the feed behind an address, against pages and feeds on a loopback server.</summary>
public class FeedDiscoveryTests
{
    private static readonly RssFixtureItem[] Items = [new("第一条", "https://example.org/1", "Tue, 26 Mar 2024 08:45:01 GMT")];

    private static string Page(params string[] links) =>
        "<!doctype html><html><head><title>首页</title>" + string.Concat(links) + "</head><body><p>新闻</p></body></html>";

    private static async Task<DiscoveredFeed> DiscoverAsync(LoopbackServer server, string path)
    {
        using var fetcher = new HttpFetcher();
        return await FeedDiscovery.DiscoverAsync(fetcher, server.Url(path), Path.GetTempPath(), CancellationToken.None);
    }

    [Fact]
    public async Task A_page_leads_to_the_feed_it_advertises()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("news/", Page("<link rel=\"stylesheet\" href=\"/s.css\">", "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"feed.xml\">"), "text/html; charset=utf-8");
        server.Serve("news/feed.xml", RssFixture.Document("示例新闻", Items));

        var found = await DiscoverAsync(server, "news/");

        Assert.Equal(server.Url("news/feed.xml"), found.Url);
        Assert.Equal("示例新闻", found.Feed.Title);
        Assert.Equal("第一条", Assert.Single(found.Feed.Items).Title);
    }

    [Fact]
    public async Task A_feed_address_is_its_own_feed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("feed.xml", RssFixture.Document("示例新闻", Items));

        var found = await DiscoverAsync(server, "feed.xml");

        Assert.Equal(server.Url("feed.xml"), found.Url);
        Assert.Equal("rss2.0", found.Feed.Format);
    }

    [Fact]
    public async Task An_advertised_feed_that_fails_is_skipped_for_the_next()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("index.html", Page(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/gone.xml\">",
            "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\">"), "text/html");
        server.Serve("rss.xml", RssFixture.Document("示例新闻", Items));

        var found = await DiscoverAsync(server, "index.html");

        Assert.Equal(server.Url("rss.xml"), found.Url);
    }

    [Fact]
    public async Task A_page_without_feeds_is_reported()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Serve("index.html", Page("<link rel=\"alternate\" hreflang=\"en\" href=\"/en/\">"), "text/html");
        server.Serve("broken.html", Page("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/missing.xml\">"), "text/html");

        var none = await Assert.ThrowsAsync<FeedParseException>(() => DiscoverAsync(server, "index.html"));
        var broken = await Assert.ThrowsAsync<FeedParseException>(() => DiscoverAsync(server, "broken.html"));

        Assert.Contains("advertises no feed", none.Message);
        Assert.Contains("missing.xml: HTTP 404", broken.Message);
    }
}
