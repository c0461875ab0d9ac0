using NewsMirror.Feeds;
using NewsMirror.Sources;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>The content stage of a run, per item: body choice → full text → cleanup → image proxy.</summary>
public static class ArticleBodyPipeline
{
    /// <summary>
    /// The body HTML to archive for <paramref name="item"/>. <paramref name="fetchedPageHtml"/> is the article page
    /// when the source has <see cref="SourceConfig.FullText"/> and the fetch succeeded; <paramref name="pageUrl"/> its
    /// final address (relative URLs resolve against it, else against the item's article link). Decisions worth telling the
    /// user ("kept feed body: page had less text") are added to <paramref name="notes"/>.
    /// </summary>
    public static string Prepare(FeedItem item, SourceConfig source, string? fetchedPageHtml, Uri? pageUrl, SourceWarnings notes)
    {
        var baseUrl = pageUrl ?? ArticleUrl(item, source);
        var body = BodySelector.Choose(item, source.Body);

        if (source.FullText is { } fullText)
        {
            if (fetchedPageHtml is null)
            {
                notes.Add("kept feed body: article page was not fetched");
            }
            else
            {
                var choice = FullTextDecision.Decide(body, FullTextExtractor.Extract(fetchedPageHtml, baseUrl, fullText), fullText, source.Cleanup);
                if (choice.Note is not null) notes.Add(choice.Note);
                body = choice.Body;
            }
        }

        return Finish(body, source, baseUrl);
    }

    /// <summary>
    /// What happens to a body once chosen, before it is stored: the source's cleanup (junk rules and the sanitiser,
    /// or nothing with <see cref="CleanupMode.None"/>), then the image proxy where the source wants one.
    /// </summary>
    public static string Finish(string body, SourceConfig source, Uri? baseUrl)
    {
        if (source.Cleanup == CleanupMode.Default) body = BodyCleaner.CleanToSingleLine(body, CleanupOptions.For(source, baseUrl));
        if (source.Images == ImageMode.Proxy) body = ImageRewriter.Proxy(body, source.ImageProxy, baseUrl);
        return body;
    }

    /// <summary>The item's article address (its guid where the source takes links from guids) when it is an http(s) URL.</summary>
    public static Uri? ArticleUrl(FeedItem item, SourceConfig source) =>
        HttpUrl.TryParse(source.Link == LinkField.Guid ? item.Guid : item.Link, out var link) ? link : null;
}
