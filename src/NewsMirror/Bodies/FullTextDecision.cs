namespace NewsMirror.Bodies;

/// <summary>The body to archive and, when the page's text was not used, why.</summary>
public sealed record FullTextChoice(string Body, bool UsedPage, string? Note);

/// <summary>Decides between the feed's body and the text taken from the article page.</summary>
public static class FullTextDecision
{
    /// <summary>The page's content when it has at least as much text as <paramref name="feedBody"/>; the feed body otherwise.</summary>
    public static FullTextChoice Decide(string feedBody, ExtractedArticle? page, string fullText)
    {
        if (page is null)
            return new FullTextChoice(feedBody, false, $"kept feed body: page had no content for full_text \"{fullText}\"");
        var feedText = HtmlText.Length(feedBody);
        if (page.TextLength >= feedText) return new FullTextChoice(page.Content, true, null);
        return new FullTextChoice(feedBody, false, $"kept feed body: page had less text ({page.TextLength} < {feedText} characters)");
    }
}
