using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// Gives new articles their ids and writes their files. Countdown ids go below the folder's smallest id,
/// oldest article first (the reference's order); a file that exists is never replaced.
/// </summary>
public static class ArticleWriter
{
    /// <summary>Creates the file for an article given its id and bytes; null when the name is taken.</summary>
    private delegate string? Place(long id, byte[] bytes, NewArticle article);

    /// <summary>
    /// The duty-machine layout: <c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>. Write-ahead: each article's log line is on
    /// disk before its file is created, so a run stopped at any instant leaves both, or a log line whose missing
    /// file tells the next run the article is not yet archived — never a file the log does not know (which a
    /// run using the catalog would not see, and would archive again).
    /// </summary>
    public static List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        var log = paths.IdentityLog(folder.Name);
        return Write(folder, articles, warnings, ArticleFile.Render, (id, bytes, article) =>
        {
            var name = ArticleFileName.Format(id);
            var path = Path.Combine(folder.Path, name);
            // A file the folder does not know (put there by hand or another tool): step past it, never over it.
            if (File.Exists(path)) return null;
            IdentityLog.Append(log, [Entry(id, name, article, now)]);
            if (AtomicFile.TryCreateNew(path, bytes)) return name;
            // Another writer took the name in between: its file wins, and the log says what that file holds.
            var header = ArticleFile.ReadHeader(path);
            IdentityLog.Append(log, [new IdentityLogEntry(id, name, null, header.Link, header.Title, header.TimestampMs, now) { Origin = IdentityLogEntry.Origins.Found }]);
            return null;
        });
    }

    /// <summary>
    /// The Jekyll layout: <c>_posts/&lt;JekyllPost.FileName&gt;</c>; the id is logical (kept in the identity log),
    /// and a name already taken gets a numeric suffix (<c>-2</c>, <c>-3</c>, …), never an overwrite. The log lines
    /// follow the files: this layout's folder is listed on every run, so a post without its line is still found.
    /// </summary>
    public static List<StoredArticle> WritePosts(ArchivePaths paths, IArchiveFolder folder, string displayName, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        var files = new Dictionary<long, NewArticle>();
        var written = Write(folder, articles, warnings, record => JekyllPost.Render(record, displayName, now), (id, bytes, article) =>
        {
            var date = JekyllPost.PostDate(article.Record.TimestampMs, now);
            for (var attempt = 1; attempt <= JekyllPostName.MaxAttempts; attempt++)
            {
                var name = JekyllPostName.Of(date, article.Record.Title, attempt);
                if (!AtomicFile.TryCreateNew(Path.Combine(folder.Path, name), bytes)) continue;
                files[id] = article;
                return name;
            }
            warnings.Add($"every post name for this title is taken: {article.Record.Title}");
            return null;
        });
        IdentityLog.Append(paths.IdentityLog(folder.Name), written.Select(s => Entry(s.Id, s.File, files[s.Id], now)).ToList());
        return written;
    }

    private static IdentityLogEntry Entry(long id, string file, NewArticle article, DateTimeOffset now) =>
        new(id, file, article.Guid, article.Record.Link, article.Record.Title, article.Record.TimestampMs, now)
        {
            Hash = ContentHash.Of(article.Record),
            Seen = article.Seen,
        };

    private static List<StoredArticle> Write(IArchiveFolder folder, IEnumerable<NewArticle> articles, List<string> warnings,
        Func<ArticleRecord, string> render, Place place)
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
                if (!folder.HasId(fixedId) && place(fixedId, bytes, article) is { } file)
                    stored = Stored(fixedId, file, article);
                else
                    warnings.Add($"skipped, id {fixedId} already holds another article: {article.Record.Title}");
            }
            else
            {
                while (stored is null && --nextId >= 0)
                    if (!folder.HasId(nextId) && place(nextId, bytes, article) is { } file)
                        stored = Stored(nextId, file, article);
                if (stored is null) warnings.Add($"no free id left below {folder.SmallestId}: {article.Record.Title}");
            }
            if (stored is null) continue;
            folder.Add(stored);
            written.Add(stored);
        }
        return written;
    }

    private static StoredArticle Stored(long id, string file, NewArticle article) =>
        new(id, file, article.Record.TimestampMs, article.Record.Title, article.Record.Link, article.Guid);
}
