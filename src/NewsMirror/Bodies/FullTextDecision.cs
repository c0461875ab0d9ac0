using NewsMirror.Sources;

namespace NewsMirror.Bodies;

/// <summary>The body to archive and, when the page's text was not used, why.</summary>
public sealed record FullTextChoice(string Body, bool UsedPage, string? Note);

/// <summary>Decides between the feed's body and the content taken from the article page.</summary>
public static class FullTextDecision
{
    /// <summary>What one image, video, audio, embedded frame or figure weighs against characters of text: about a paragraph.</summary>
    public const int MediaWeight = 500;

    /// <summary>
    /// With <see cref="CleanupMode.None"/> and a CSS selector, the page's selected HTML, always (what the reference archive
    /// holds). Otherwise the page's content when it weighs at least as much as <paramref name="feedBody"/>, counting
    /// characters of text plus <see cref="MediaWeight"/> for each medium (<see cref="HtmlMedia"/>); the feed body otherwise.
    /// </summary>
    public static FullTextChoice Decide(string feedBody, ExtractedArticle? page, string fullText, CleanupMode cleanup = CleanupMode.Default)
    {
        if (page is null)
            return new FullTextChoice(feedBody, false, $"kept feed body: page had no content for full_text \"{fullText}\"");
        var bySelector = !string.Equals(fullText, FullTextExtractor.Readability, StringComparison.OrdinalIgnoreCase);
        if (cleanup == CleanupMode.None && bySelector) return new FullTextChoice(page.Content, true, null);

        // Each body parsed once for both measures.
        var (feedText, feedMedia) = Weigh(feedBody);
        var (pageText, pageMedia) = page.Weigh();
        if (pageText + MediaWeight * pageMedia >= feedText + MediaWeight * feedMedia) return new FullTextChoice(page.Content, true, null);
        return new FullTextChoice(feedBody, false, pageMedia + feedMedia == 0
            ? $"kept feed body: page had less text ({pageText} < {feedText} characters)"
            : $"kept feed body: page had less content ({pageText} characters and {pageMedia} media < {feedText} characters and {feedMedia} media)");
    }

    /// <summary><see cref="HtmlText.Length"/> and <see cref="HtmlMedia.Count(string?)"/> of <paramref name="html"/>, from one parse.</summary>
    internal static (int TextLength, int Media) Weigh(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return (HtmlText.Length(html), 0);
        var root = HtmlFragment.Parse(html);
        return (HtmlText.Of(root).Length, HtmlMedia.Count(root));
    }
}
