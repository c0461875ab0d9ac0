using System.Globalization;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Where each page lives in the output folder (paths relative to it, <c>/</c>-separated) and how pages link to each
/// other: always by relative URL, so the site works from <c>file://</c> and below any path of a web server.
/// </summary>
internal static class SitePaths
{
    public const string Home = "index.html";
    public const string Search = "search.html";
    public const string Feed = "feed.xml";
    public const string DayIndex = "days/index.html";
    public const string Removed = "removed.html";
    public const string ChangesFeed = "changes.xml";
    public const string Stylesheet = "assets/site.css";
    public const string SearchScript = "assets/search.js";
    public const string SearchTextScript = "assets/search-text.js";
    public const string SearchVariantsScript = "assets/search-variants.js";
    public const string SearchDirectory = "search";

    public static string Day(DateOnly day) => $"days/{ChinaTime.DayKey(day)}.html";

    public static string SourceIndex(string folder) => $"sources/{folder}/index.html";

    public static string SourcePage(string folder, int page) => $"sources/{folder}/page-{page.ToString(CultureInfo.InvariantCulture)}.html";

    public static string SourceFeed(string folder) => $"sources/{folder}/feed.xml";

    public static string Article(SiteArticle article) => $"articles/{article.Folder}/{article.Slug}.html";

    /// <summary>The URL of <paramref name="target"/> relative to the page at <paramref name="from"/>.</summary>
    public static string Href(string from, string target)
    {
        int depth = from.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + Encode(target);
    }

    /// <summary>The absolute URL of <paramref name="target"/> when the site is published at <paramref name="baseUrl"/>.</summary>
    public static string Absolute(Uri baseUrl, string target)
    {
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, Encode(target)).AbsoluteUri;
    }

    /// <summary>Percent-encodes each segment (folder names may be Chinese or hold spaces).</summary>
    public static string Encode(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
