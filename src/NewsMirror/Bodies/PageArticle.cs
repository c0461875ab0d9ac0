namespace NewsMirror.Bodies;

/// <summary>A page's article, extracted by readability and cleaned: what <c>newsmirror extract</c> prints.</summary>
public static class PageArticle
{
    /// <summary>null when the page holds no article text.</summary>
    public static ExtractedArticle? Extract(string pageHtml, Uri? pageUrl)
    {
        var article = FullTextExtractor.ByReadability(pageHtml, pageUrl);
        if (article is null) return null;
        var content = BodyCleaner.Clean(article.Content, CleanupOptions.Generic(pageUrl));
        var textLength = HtmlText.Length(content);
        return textLength == 0 ? null : article with { Content = content, TextLength = textLength };
    }
}
