using System.Security.Cryptography;
using System.Text;
using NewsMirror.Bodies;
using NewsMirror.Sources;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// What a probed page holds, taken out the way the Bodies stage takes an article out of its page: by the source's
/// <c>fulltext</c> selector, else by readability. <see cref="Digest"/> names the version (title and text), so an
/// edit shows as a new digest; <see cref="PageText"/> is the whole page's visible text, searched for removal notices.
/// </summary>
public sealed record PageVersion(string Title, string Text, string PageText)
{
    public string Digest { get; } = DigestOf(Title, Text);

    public static PageVersion Of(string html, Uri pageUrl, SourceConfig source)
    {
        ExtractedArticle? article = null;
        try
        {
            article = source.FullText is { } fullText && !string.Equals(fullText, FullTextExtractor.Readability, StringComparison.OrdinalIgnoreCase)
                ? FullTextExtractor.Extract(html, pageUrl, fullText)
                : PageArticle.Extract(html, pageUrl);
        }
        catch (ArgumentException)
        {
            // An invalid selector fails the source's runs with its own message; here the page is judged by readability.
            article = PageArticle.Extract(html, pageUrl);
        }
        var pageText = HtmlText.Of(html);
        return new PageVersion(article?.Title?.Trim() ?? "", HtmlText.Of(article?.Content), pageText);
    }

    /// <summary>Letters and digits only, so a change of markup or spacing is no edit.</summary>
    private static string DigestOf(string title, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TextContainment.Letters(title) + "\n" + TextContainment.Letters(text))))[..32];
}
