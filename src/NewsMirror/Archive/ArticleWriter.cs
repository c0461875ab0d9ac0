using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// Gives new articles their ids and writes their files. Countdown ids go below the folder's smallest id,
/// oldest article first (the reference's order); a file that exists is never replaced.
/// </summary>
public static class ArticleWriter
{
    public static List<StoredArticle> Write(ArchivePaths paths, ArchiveFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        Directory.CreateDirectory(folder.Path);
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
                if (!folder.HasId(fixedId) && AtomicFile.TryCreateNew(Path.Combine(folder.Path, $"{fixedId}.md"), bytes))
                    stored = Stored(fixedId, article);
                else
                    warnings.Add($"skipped, id {fixedId} already holds another article: {article.Record.Title}");
            }
            else
            {
                // A file may exist that the listing missed (written meanwhile): step past it, never over it.
                while (stored is null && --nextId >= 0)
                    if (!folder.HasId(nextId) && AtomicFile.TryCreateNew(Path.Combine(folder.Path, $"{nextId}.md"), bytes))
                        stored = Stored(nextId, article);
                if (stored is null) warnings.Add($"no free id left below {folder.SmallestId}: {article.Record.Title}");
            }
            if (stored is null) continue;
            folder.Add(stored);
            written.Add(stored);
        }
        IdentityLog.Append(paths.IdentityLog(folder.Name), written.Select(s =>
            new IdentityLogEntry(s.Id, s.File, s.Guid, s.Link, s.Title, s.TimestampMs, now)).ToList());
        return written;
    }

    private static StoredArticle Stored(long id, NewArticle article) =>
        new(id, $"{id}.md", article.Record.TimestampMs, article.Record.Title, article.Record.Link, article.Guid);
}
