using System.Text;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive;

/// <summary>
/// What both layouts' writers share: new articles go in publication order (oldest first, the reference's order),
/// each rendered before it is given an id, and each written one gets an identity log line. Countdown ids go below
/// the folder's smallest id; a file that exists is never replaced.
/// </summary>
internal static class ArticleWriter
{
    internal static string Unplaced(NewArticle article, IArchiveFolder folder) =>
        article.FixedId is { } fixedId
            ? $"skipped, id {fixedId} already holds another article: {article.Record.Title}"
            : $"no free id left below {folder.SmallestId}: {article.Record.Title}";

    internal static IdentityLogEntry Entry(long id, string file, NewArticle article, DateTimeOffset now) =>
        new(id, file, article.Guid, article.Record.Link, article.Record.Title, article.Record.TimestampMs, now)
        {
            Hash = ContentHash.Of(article.Record),
            Seen = article.Seen,
        };

    /// <summary>The articles in id order with their file bytes; one that cannot be a file is skipped with a warning.</summary>
    internal static IEnumerable<(NewArticle Article, byte[] Bytes)> Rendered(IEnumerable<NewArticle> articles, Func<ArticleRecord, string> render, SourceWarnings warnings)
    {
        // OrderBy is stable: items with the same time keep their feed order, as in the reference.
        foreach (var article in articles.OrderBy(a => a.Record.TimestampMs ?? long.MaxValue))
        {
            byte[] bytes;
            try { bytes = Encoding.UTF8.GetBytes(render(article.Record)); }
            catch (ArgumentException e)
            {
                warnings.Add($"skipped, cannot be written as an article file ({e.Message}): {article.Record.Link}");
                continue;
            }
            yield return (article, bytes);
        }
    }

    internal static StoredArticle Stored(long id, string file, NewArticle article) =>
        new(id, file, article.Record.TimestampMs, article.Record.Title, article.Record.Link, article.Guid);
}
