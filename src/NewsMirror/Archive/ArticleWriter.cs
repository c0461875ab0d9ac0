using System.Text;
using NewsMirror.Catalog;

namespace NewsMirror.Archive;

/// <summary>
/// Gives new articles their ids and writes their files. Countdown ids go below the folder's smallest id,
/// oldest article first (the reference's order); a file that exists is never replaced.
/// Write-ahead: each article's log line is on disk before its file is created, so a run stopped at any
/// instant leaves either both, or a log line whose missing file tells the next run the article is not yet
/// archived (see <see cref="LogCatchUp"/>) — never a file the log does not know.
/// </summary>
public static class ArticleWriter
{
    public static List<StoredArticle> Write(ArchivePaths paths, CatalogFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        Directory.CreateDirectory(folder.Path);
        var log = paths.IdentityLog(folder.Name);
        var taken = new HashSet<long>();
        bool IsFree(long id) => !taken.Contains(id) && !folder.HasId(id) && !File.Exists(FilePath(folder, id));
        var written = new List<StoredArticle>();
        var nextId = folder.SmallestId;
        // OrderBy is stable: items with the same time keep their feed order, as in the reference.
        foreach (var article in articles.OrderBy(a => a.Record.TimestampMs ?? long.MaxValue))
        {
            byte[] bytes;
            try { bytes = Encoding.UTF8.GetBytes(ArticleFile.Render(article.Record)); }
            catch (ArgumentException e)
            {
                warnings.Add($"skipped, cannot be written as an article file ({e.Message}): {article.Record.Link}");
                continue;
            }
            StoredArticle? stored = null;
            if (article.FixedId is { } fixedId)
            {
                if (IsFree(fixedId) && TryWrite(log, folder, fixedId, article, bytes, now)) stored = Stored(fixedId, article);
                else warnings.Add($"skipped, id {fixedId} already holds another article: {article.Record.Title}");
            }
            else
            {
                while (stored is null && --nextId >= 0)
                    if (IsFree(nextId) && TryWrite(log, folder, nextId, article, bytes, now)) stored = Stored(nextId, article);
                if (stored is null) warnings.Add($"no free id left below {folder.SmallestId}: {article.Record.Title}");
            }
            if (stored is null) continue;
            taken.Add(stored.Id);
            written.Add(stored);
        }
        return written;
    }

    /// <summary>Log line first, then the file. Should another writer take the name in between, its file wins and the log says so.</summary>
    private static bool TryWrite(string log, CatalogFolder folder, long id, NewArticle article, byte[] bytes, DateTimeOffset now)
    {
        var file = ArticleFileName.Format(id);
        var record = article.Record;
        IdentityLog.Append(log, [new IdentityLogEntry(id, file, article.Guid, record.Link, record.Title, record.TimestampMs, now) { Hash = ContentHash.Of(record), Seen = article.Seen }]);
        if (AtomicFile.TryCreateNew(FilePath(folder, id), bytes)) return true;
        var header = ArticleFile.ReadHeader(FilePath(folder, id));
        IdentityLog.Append(log, [new IdentityLogEntry(id, file, null, header.Link, header.Title, header.TimestampMs, now) { Origin = IdentityLogEntry.Origins.Found }]);
        return false;
    }

    private static string FilePath(CatalogFolder folder, long id) => Path.Combine(folder.Path, ArticleFileName.Format(id));

    private static StoredArticle Stored(long id, NewArticle article) =>
        new(id, ArticleFileName.Format(id), article.Record.TimestampMs, article.Record.Title, article.Record.Link, article.Guid);
}
