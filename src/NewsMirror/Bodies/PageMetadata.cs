using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsMirror.Bodies;

/// <summary>Article metadata a page declares in its head (Open Graph, meta tags, html lang).</summary>
internal static class PageMetadata
{
    public static ExtractedArticle Describe(IHtmlDocument page, string content) => new()
    {
        Title = Meta(page, "og:title") ?? NullIfBlank(page.Title),
        Byline = Meta(page, "author") ?? Meta(page, "article:author"),
        Excerpt = Meta(page, "og:description") ?? Meta(page, "description"),
        SiteName = Meta(page, "og:site_name"),
        Language = NullIfBlank(page.DocumentElement.GetAttribute("lang")),
        Content = content,
    };

    private static string? Meta(IDocument page, string name)
    {
        var meta = page.QuerySelectorAll("meta").FirstOrDefault(m =>
            string.Equals(m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase));
        return NullIfBlank(meta?.GetAttribute("content"));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
