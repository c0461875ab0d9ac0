using AngleSharp.Html.Parser;

namespace NewsMirror.Feeds;

/// <summary>For a web page given where a feed was expected: the feeds it advertises, to put in the error.</summary>
internal static class HtmlFeedLinks
{
    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json",
    };

    public static bool LooksLikeHtml(string document)
    {
        var head = document.AsSpan(0, Math.Min(document.Length, 4096));
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The absolute URLs of &lt;link rel="alternate" type="…feed type…" href&gt; elements, in page order.</summary>
    public static IReadOnlyList<string> Find(string html, Uri? pageUrl)
    {
        var page = new HtmlParser().ParseDocument(html);
        var baseHref = page.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUri = baseHref is null ? pageUrl?.AbsoluteUri : LinkResolver.Resolve(pageUrl?.AbsoluteUri, baseHref.Trim());
        var links = new List<string>();
        foreach (var link in page.QuerySelectorAll("link[href]"))
        {
            var rel = link.GetAttribute("rel") ?? "";
            var type = link.GetAttribute("type")?.Trim() ?? "";
            if (!rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase) || !FeedTypes.Contains(type))
                continue;
            var href = LinkResolver.Resolve(baseUri, link.GetAttribute("href")!.Trim());
            if (!links.Contains(href))
                links.Add(href);
        }
        return links;
    }

    public static string Describe(string html, Uri? pageUrl)
    {
        var links = Find(html, pageUrl);
        return links.Count == 0
            ? "Not a feed: the document is an HTML page and advertises no feed links."
            : "Not a feed: the document is an HTML page. It advertises these feeds: " + string.Join(", ", links);
    }
}
