using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsMirror.Bodies;

/// <summary>
/// A plain second opinion for pages where readability scoring finds too little: the declared article
/// container, else the element holding the most paragraph text.
/// </summary>
internal static class MainContentFallback
{
    private const string DeclaredContainers =
        "[itemprop=articleBody], article, .post-content, .entry-content, .article-content, .article-body, " +
        ".story-body, .story-content, #article-body, #content-body, main, [role=main]";

    private const string Chrome = "script, style, noscript, template, nav, aside, header, footer, form, button, iframe, svg";

    /// <summary>The inner HTML of the best container, or null when the page has no paragraph text at all.</summary>
    public static string? Find(IHtmlDocument page)
    {
        var body = page.Body;
        if (body is null) return null;
        var clean = (IElement)body.Clone(deep: true);
        foreach (var element in clean.QuerySelectorAll(Chrome).ToArray()) element.Remove();

        var best = clean.QuerySelectorAll(DeclaredContainers)
            .Select(c => (Element: c, Text: ParagraphText(c)))
            .Concat(ParagraphParents(clean))
            .Where(c => c.Text > 0)
            .OrderByDescending(c => c.Text)
            .FirstOrDefault();
        return best.Element?.InnerHtml;
    }

    private static int ParagraphText(IElement container) =>
        container.QuerySelectorAll("p, pre, blockquote, li").Sum(p => HtmlText.Of(p).Length);

    /// <summary>Parents scored by the text of their own paragraphs, the way readability seeds its candidates.</summary>
    private static IEnumerable<(IElement Element, int Text)> ParagraphParents(IElement root) =>
        root.QuerySelectorAll("p")
            .Where(p => p.ParentElement is not null)
            .GroupBy(p => p.ParentElement!)
            .Select(g => (g.Key, g.Sum(p => HtmlText.Of(p).Length)));
}
