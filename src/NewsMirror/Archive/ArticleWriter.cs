using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// Gives new articles their ids and writes their files. Countdown ids go below the folder's smallest id,
/// oldest article first (the reference's order); a file that exists is never replaced.
/// </summary>
public static class ArticleWriter
{
    /// <summary>Creates the file for an article given its id and bytes; null when the name is taken.</summary>
    private delegate string? Place(long id, byte[] bytes, ArticleRecord record);

    /// <summary>The duty-machine layout: <c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>.</summary>
    public static List<StoredArticle> Write(ArchivePaths paths, ArchiveFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings) =>
        Write(paths, folder, articles, now, warnings, ArticleFile.Render, (id, bytes, _) =>
        {
            var name = ArticleFileName.Format(id);
            return AtomicFile.TryCreateNew(Path.Combine(folder.Path, name), bytes) ? name : null;
        });

    /// <summary>
    /// The Jekyll layout: <c>_posts/&lt;JekyllPost.FileName&gt;</c>; the id is logical (kept in the identity log),
    /// and a name already taken gets a numeric suffix (<c>-2</c>, <c>-3</c>, …), never an overwrite.
    /// </summary>
    public static List<StoredArticle> WritePosts(ArchivePaths paths, ArchiveFolder folder, string displayName, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings) =>
        Write(paths, folder, articles, now, warnings, record => JekyllPost.Render(record, displayName, now), (_, bytes, record) =>
        {
            var date = JekyllPost.PostDate(record.TimestampMs, now);
            for (var attempt = 1; attempt <= JekyllPostName.MaxAttempts; attempt++)
            {
                var name = JekyllPostName.Of(date, record.Title, attempt);
                if (AtomicFile.TryCreateNew(Path.Combine(folder.Path, name), bytes)) return name;
            }
            warnings.Add($"every post name for this title is taken: {record.Title}");
            return null;
        });

    private static List<StoredArticle> Write(ArchivePaths paths, ArchiveFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now,
        List<string> warnings, Func<ArticleRecord, string> render, Place place)
    {
        Directory.CreateDirectory(folder.Path);
        var written = new List<StoredArticle>();
        var nextId = folder.SmallestId;
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
            StoredArticle? stored = null;
            if (article.FixedId is { } fixedId)
            {
                if (!folder.HasId(fixedId) && place(fixedId, bytes, article.Record) is { } file)
                    stored = Stored(fixedId, file, article);
                else
                    warnings.Add($"skipped, id {fixedId} already holds another article: {article.Record.Title}");
            }
            else
            {
                // A file may exist that the listing missed (written meanwhile): step past it, never over it.
                while (stored is null && --nextId >= 0)
                    if (!folder.HasId(nextId) && place(nextId, bytes, article.Record) is { } file)
                        stored = Stored(nextId, file, article);
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

    private static StoredArticle Stored(long id, string file, NewArticle article) =>
        new(id, file, article.Record.TimestampMs, article.Record.Title, article.Record.Link, article.Guid);
}
