using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsMirror.Tests.Publishing;

/// <summary>Parses built pages and follows their relative links, as a browser would resolve them.</summary>
internal static class SiteHtml
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static IHtmlDocument Load(TestArchive archive, string relative) => Parse(archive.ReadSite(relative));

    /// <summary>The site-relative path that <paramref name="href"/> on the page at <paramref name="from"/> points to.</summary>
    public static string Resolve(string from, string href)
    {
        var baseUri = new Uri("http://site.invalid/" + from);
        return Uri.UnescapeDataString(new Uri(baseUri, href).AbsolutePath.TrimStart('/'));
    }

    public static IEnumerable<string> LinkTargets(IHtmlDocument page, string from, string selector = "a[href]") =>
        page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)
            .Where(href => !href.StartsWith("http", StringComparison.Ordinal) && !href.StartsWith('#'))
            .Select(href => Resolve(from, href));
}
