using AngleSharp.Dom;
using SmartReader;

namespace NewsMirror.Bodies;

/// <summary>Takes the article out of an already fetched page: by CSS selector, or by readability scoring.</summary>
public static class FullTextExtractor
{
    /// <summary>The <c>full_text</c> value that asks for readability scoring instead of a selector.</summary>
    public const string Readability = "readability";

    /// <summary>Below this much text a readability result is checked against <see cref="MainContentFallback"/>.</summary>
    internal const int TooLittleText = 250;

    /// <summary>Extraction by a source's <c>full_text</c> setting: <see cref="Readability"/> or a CSS selector. null when nothing was found.</summary>
    public static ExtractedArticle? Extract(string pageHtml, Uri? pageUrl, string fullText) =>
        string.Equals(fullText, Readability, StringComparison.OrdinalIgnoreCase)
            ? ByReadability(pageHtml, pageUrl)
            : BySelector(pageHtml, fullText);

    /// <summary>
    /// The inner HTML of the first element matching <paramref name="selector"/>, exactly as the HTML5 serialiser
    /// writes it (what the reference archive holds for 中国数字时代). null when nothing matches.
    /// </summary>
    public static ExtractedArticle? BySelector(string pageHtml, string selector)
    {
        var page = HtmlFragment.ParseDocument(pageHtml);
        IElement? match;
        try
        {
            match = page.QuerySelector(selector);
        }
        catch (DomException e)
        {
            throw new ArgumentException($"Invalid CSS selector \"{selector}\": {e.Message}", e);
        }
        return match is null ? null : PageMetadata.Describe(page, match.InnerHtml);
    }

    /// <summary>
    /// SmartReader's article, offline; when it finds too little text, the fallback container wins if it holds
    /// at least twice as much. null when neither finds any text.
    /// </summary>
    public static ExtractedArticle? ByReadability(string pageHtml, Uri? pageUrl)
    {
        var scored = Score(pageHtml, pageUrl ?? new Uri("https://localhost/"));
        var result = Better(scored, () =>
        {
            var page = HtmlFragment.ParseDocument(pageHtml);
            return MainContentFallback.Find(page) is { } content ? PageMetadata.Describe(page, content) : null;
        });
        return result is { TextLength: > 0 } ? result : null;
    }

    /// <summary>The scored article unless it is missing or poor and the fallback is clearly richer; scored metadata is kept.</summary>
    internal static ExtractedArticle? Better(ExtractedArticle? scored, Func<ExtractedArticle?> fallback)
    {
        if (scored is not null && scored.TextLength >= TooLittleText) return scored;
        var alternative = fallback();
        if (alternative is null) return scored;
        if (scored is null) return alternative;
        return alternative.TextLength >= 2 * scored.TextLength
            ? scored with { Content = alternative.Content, TextLength = alternative.TextLength }
            : scored;
    }

    private static ExtractedArticle? Score(string pageHtml, Uri url)
    {
        Article article;
        try
        {
            // Never Reader.ParseArticle(url, html): its second argument is a User-Agent and it downloads the page.
            article = new Reader(url.AbsoluteUri, pageHtml) { ContinueIfNotReadable = true }.GetArticle();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(article.Content)) return null;
        return new ExtractedArticle
        {
            Title = Blank(article.Title),
            Byline = Blank(article.Byline) ?? Blank(article.Author),
            Excerpt = Blank(article.Excerpt),
            SiteName = Blank(article.SiteName),
            Language = Blank(article.Language),
            Content = article.Content,
            TextLength = HtmlText.Length(article.Content),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
