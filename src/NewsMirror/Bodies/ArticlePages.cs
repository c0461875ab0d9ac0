using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Bodies;
using NewsMirror.Fetching;
using NewsMirror.Fetching.Decoding;
using NewsMirror.Sources;
using NewsMirror.Selection;

namespace NewsMirror.Bodies;

/// <summary>
/// Gives each new candidate its body: fetches the article page where the source wants full text (once per
/// article, a few at a time per host), hands feed item and page to the content stage, then localizes images
/// where the source wants them stored in the archive.
/// </summary>
public sealed class ArticlePages(HttpFetcher fetcher, HostLimiter hosts, ImageLocalizer images, ArchivePaths paths)
{
    /// <summary>Where article files go, so localized image links are relative to the right folder.</summary>
    public IArchiveLayout Layout { get; init; } = ArchiveLayouts.Of(ArchiveLayout.Duty);

    public async Task<List<NewArticle>> PrepareAsync(List<Candidate> candidates, SourceConfig source, SourceWarnings warnings, CancellationToken cancel) =>
        (await PrepareEachAsync(candidates, source, warnings, cancel)).OfType<NewArticle>().ToList();

    /// <summary>One result per candidate, in order: null where the source wants full text and its page could not be fetched.</summary>
    public async Task<NewArticle?[]> PrepareEachAsync(List<Candidate> candidates, SourceConfig source, SourceWarnings warnings, CancellationToken cancel)
    {
        var pages = await Task.WhenAll(candidates.Select(c => FetchPageAsync(c, source, warnings, cancel)));
        var articles = new NewArticle?[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var (candidate, page) = (candidates[i], pages[i]);
            if (source.FullText is not null && page is null) continue;
            var body = ArticleBodyPipeline.Prepare(candidate.Item, source, page?.Html, page?.Url, warnings);
            if (source.Images == ImageMode.Localize)
            {
                var article = page?.Url ?? (Uri.TryCreate(candidate.Record.Link, UriKind.Absolute, out var link) ? link : null);
                var folder = Layout.ArticlesFolder(paths, source.Folder);
                body = await images.LocalizeAsync(body, source, article, folder, warnings, cancel);
            }
            long? fixedId = source.Ids == IdScheme.WordPressPost ? ArticleId.FromWordPressGuid(candidate.Guid) : null;
            articles[i] = new NewArticle(candidate.Record with { Body = ArticleRecord.JoinBody(body) }, candidate.Guid, fixedId)
            {
                Seen = candidate.SourceHash(source),
            };
        }
        return articles;
    }

    private async Task<(string Html, Uri Url)?> FetchPageAsync(Candidate candidate, SourceConfig source, SourceWarnings warnings, CancellationToken cancel)
    {
        if (source.FullText is null) return null;
        var link = candidate.Record.Link;
        try
        {
            var host = Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.Host : "";
            var page = await hosts.RunAsync(host, () => fetcher.FetchUntrustedAsync(link, FetchPolicy.For(source), cancel), cancel);
            var decoded = DocumentDecoder.Decode(page.Body, page.ContentType, DocumentKind.Page);
            lock (warnings) warnings.AddRange(decoded.Notes.Select(note => $"article page {page.Url}: {note}"));
            return (decoded.Text, page.Url);
        }
        catch (FetchException e)
        {
            warnings.Add($"skipped until the next run, article page failed ({e.Message}): {link}");
            return null;
        }
    }
}
