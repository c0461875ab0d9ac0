using NewsMirror.Feeds;
using NewsMirror.Sources;

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
        var baseUrl = pageUrl ?? HttpUrl(source.Link == LinkField.Guid ? item.Guid : item.Link);
        var body = BodySelector.Choose(item, source.Body);

        if (source.FullText is { } fullText)
        {
            if (fetchedPageHtml is null)
            {
                notes.Add("kept feed body: article page was not fetched");
            }
            else
            {
                var choice = FullTextDecision.Decide(body, FullTextExtractor.Extract(fetchedPageHtml, baseUrl, fullText), fullText);
                if (choice.Note is not null) notes.Add(choice.Note);
                body = choice.Body;
            }
        }

        if (source.Cleanup == CleanupMode.Default) body = SingleLineHtml.Of(BodyCleaner.Clean(body, CleanupOptions.For(source, baseUrl)));
        if (source.Images == ImageMode.Proxy) body = ImageRewriter.Proxy(body, source.ImageProxy, baseUrl);
        return body;
    }

    private static Uri? HttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps) ? link : null;
}
