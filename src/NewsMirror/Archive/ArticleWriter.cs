using System.Text;
using NewsMirror.Identity;

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
    /// The duty-machine layout: <c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>. Write-ahead: the batch's log lines are on
    /// disk before any of its files is created, so a run stopped at any instant leaves each article's line and file,
    /// or a line whose missing file tells the next run the article is not yet archived — never a file the log does
    /// not know (which a run using the catalog would not see, and would archive again).
    /// </summary>
    public static List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        var log = paths.IdentityLog(folder.Name);
        Directory.CreateDirectory(folder.Path);
        var nextId = folder.SmallestId;
        var planned = new List<PlannedFile>();
        var taken = new HashSet<long>();
        // A file the folder does not know (put there by hand or another tool): step past it, never over it.
        bool Free(long id) => !folder.HasId(id) && !taken.Contains(id) && !File.Exists(Path.Combine(folder.Path, ArticleFileName.Format(id)));
        long? NextFreeId()
        {
            while (--nextId >= 0)
                if (Free(nextId)) return nextId;
            return null;
        }

        foreach (var (article, bytes) in Rendered(articles, ArticleFile.Render, warnings))
        {
            var id = article.FixedId is { } fixedId ? Free(fixedId) ? fixedId : null : NextFreeId();
            if (id is { } chosen)
            {
                taken.Add(chosen);
                planned.Add(new PlannedFile(chosen, ArticleFileName.Format(chosen), bytes, article));
            }
            else warnings.Add(Unplaced(article, folder));
        }

        // One flush of the log for the batch instead of one per article: on a busy disk the flushes were most of a run's waiting.
        IdentityLog.Append(log, planned.Select(p => Entry(p.Id, p.Name, p.Article, now)).ToList());
        var created = PlannedFile.CreateAll(folder.Path, planned);

        var written = new List<StoredArticle>();
        for (int i = 0; i < planned.Count; i++)
        {
            var (id, name, bytes, article) = planned[i];
            string? file = created[i] ? name : null;
            if (file is null)
            {
                RecordFound(log, Path.Combine(folder.Path, name), id, name, now);
                // Another writer took the name in between: its file wins, and this article moves on to the next free id.
                while (file is null && article.FixedId is null && NextFreeId() is { } retry)
                {
                    (id, name) = (retry, ArticleFileName.Format(retry));
                    file = PlaceAfterLogLine(log, folder.Path, id, name, bytes, article, now);
                }
                if (file is null)
                {
                    warnings.Add(Unplaced(article, folder));
                    continue;
                }
            }
            var stored = Stored(id, file, article);
            folder.Add(stored);
            written.Add(stored);
        }
        return written;
    }

    /// <summary>The one-article write-ahead: its log line, then its file; null (and a line for what holds the name) when the name is taken.</summary>
    private static string? PlaceAfterLogLine(string log, string directory, long id, string name, byte[] bytes, NewArticle article, DateTimeOffset now)
    {
        var path = Path.Combine(directory, name);
        if (File.Exists(path)) return null;
        IdentityLog.Append(log, [Entry(id, name, article, now)]);
        if (AtomicFile.TryCreateNew(path, bytes)) return name;
        RecordFound(log, path, id, name, now);
        return null;
    }

    /// <summary>The log says what the file another writer put under <paramref name="name"/> holds.</summary>
    private static void RecordFound(string log, string path, long id, string name, DateTimeOffset now)
    {
        var header = ArticleFile.ReadHeader(path);
        IdentityLog.Append(log, [new IdentityLogEntry(id, name, null, header.Link, header.Title, header.TimestampMs, now) { Origin = IdentityLogEntry.Origins.Found }]);
    }

    private static string Unplaced(NewArticle article, IArchiveFolder folder) =>
        article.FixedId is { } fixedId
            ? $"skipped, id {fixedId} already holds another article: {article.Record.Title}"
            : $"no free id left below {folder.SmallestId}: {article.Record.Title}";

    /// <summary>
    /// The Jekyll layout: <c>_posts/&lt;JekyllPost.FileName&gt;</c>; the id is logical (kept in the identity log),
    /// and a name already taken gets a numeric suffix (<c>-2</c>, <c>-3</c>, …), never an overwrite. The log lines
    /// follow the files: this layout's folder is listed on every run, so a post without its line is still found.
    /// </summary>
    public static List<StoredArticle> WritePosts(ArchivePaths paths, IArchiveFolder folder, string displayName, IEnumerable<NewArticle> articles, DateTimeOffset now, List<string> warnings)
    {
        var files = new Dictionary<long, NewArticle>();
        var written = WriteEach(folder, articles, warnings, record => JekyllPost.Render(record, displayName, now), (id, bytes, article) =>
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

    /// <summary>One article at a time: <paramref name="place"/> writes it under an id, or returns null when that id is taken.</summary>
    private static List<StoredArticle> WriteEach(IArchiveFolder folder, IEnumerable<NewArticle> articles, List<string> warnings,
        Func<ArticleRecord, string> render, Place place)
    {
        Directory.CreateDirectory(folder.Path);
        var written = new List<StoredArticle>();
        var nextId = folder.SmallestId;
        foreach (var (article, bytes) in Rendered(articles, render, warnings))
        {
            StoredArticle? stored = null;
            if (article.FixedId is { } fixedId)
            {
                if (!folder.HasId(fixedId) && place(fixedId, bytes, article) is { } file) stored = Stored(fixedId, file, article);
            }
            else
            {
                while (stored is null && --nextId >= 0)
                    if (!folder.HasId(nextId) && place(nextId, bytes, article) is { } file)
                        stored = Stored(nextId, file, article);
            }
            if (stored is null)
            {
                warnings.Add(Unplaced(article, folder));
                continue;
            }
            folder.Add(stored);
            written.Add(stored);
        }
        return written;
    }

    /// <summary>The articles in id order with their file bytes; one that cannot be a file is skipped with a warning.</summary>
    private static IEnumerable<(NewArticle Article, byte[] Bytes)> Rendered(IEnumerable<NewArticle> articles, Func<ArticleRecord, string> render, List<string> warnings)
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

    private static StoredArticle Stored(long id, string file, NewArticle article) =>
        new(id, file, article.Record.TimestampMs, article.Record.Title, article.Record.Link, article.Guid);
}
