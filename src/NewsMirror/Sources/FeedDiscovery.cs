using NewsMirror.Feeds;
using NewsMirror.Fetching;
using NewsMirror.Fetching.Decoding;

namespace NewsMirror.Sources;

/// <summary>A feed found at an address: its own URL and its parsed document.</summary>
public sealed record DiscoveredFeed(string Url, FeedDocument Feed);

/// <summary>
/// Finds the feed behind an address: the address itself when it serves a feed, else the first feed that a web page
/// there advertises with <c>&lt;link rel="alternate" type="application/rss+xml"…&gt;</c> and that parses.
/// </summary>
public static class FeedDiscovery
{
    /// <exception cref="FetchException">The address cannot be fetched.</exception>
    /// <exception cref="FeedParseException">No feed there, or none of the advertised ones parses (the message lists what was tried).</exception>
    public static async Task<DiscoveredFeed> DiscoverAsync(HttpFetcher fetcher, string address, string baseDirectory, CancellationToken cancel)
    {
        var page = await fetcher.FetchAsync(address, baseDirectory, cancel);
        try
        {
            return new DiscoveredFeed(address, Parse(page));
        }
        catch (FeedParseException) when (LooksLikeHtml(page))
        {
            var html = PageText(page);
            var advertised = HtmlFeedLinks.Find(html, page.Url);
            if (advertised.Count == 0)
                throw new FeedParseException($"{address} is a web page that advertises no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)");
            var problems = new List<string>();
            foreach (var link in advertised)
            {
                try
                {
                    return new DiscoveredFeed(link, Parse(await fetcher.FetchAsync(link, baseDirectory, cancel)));
                }
                catch (Exception e) when (e is FetchException or FeedParseException)
                {
                    problems.Add($"{link}: {e.Message}");
                }
            }
            throw new FeedParseException($"none of the feeds {address} advertises could be read: {string.Join("; ", problems)}");
        }
    }

    private static FeedDocument Parse(FetchResult fetched) =>
        FeedParser.Parse(fetched.Body, new FeedParseOptions { ContentType = fetched.ContentType, BaseUrl = fetched.Url });

    private static bool LooksLikeHtml(FetchResult page) =>
        page.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ||
        HtmlFeedLinks.LooksLikeHtml(PageText(page));

    private static string PageText(FetchResult page) => DocumentDecoder.Decode(page.Body, page.ContentType, DocumentKind.Page).Text;
}
