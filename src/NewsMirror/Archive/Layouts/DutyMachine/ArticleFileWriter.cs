using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts.DutyMachine;

/// <summary>Writes new articles of the duty-machine layout, each under the next free countdown id.</summary>
internal static class ArticleFileWriter
{
    /// <summary>
    /// The duty-machine layout: <c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>. Write-ahead: the batch's log lines are on
    /// disk before any of its files is created, so a run stopped at any instant leaves each article's line and file,
    /// or a line whose missing file tells the next run the article is not yet archived — never a file the log does
    /// not know (which a run using the catalog would not see, and would archive again).
    /// </summary>
    public static List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, IEnumerable<NewArticle> articles, DateTimeOffset now, SourceWarnings warnings)
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

        foreach (var (article, bytes) in ArticleWriter.Rendered(articles, ArticleFile.Render, warnings))
        {
            var id = article.FixedId is { } fixedId ? Free(fixedId) ? fixedId : null : NextFreeId();
            if (id is { } chosen)
            {
                taken.Add(chosen);
                planned.Add(new PlannedFile(chosen, ArticleFileName.Format(chosen), bytes, article));
            }
            else warnings.Add(ArticleWriter.Unplaced(article, folder));
        }

        // One flush of the log for the batch instead of one per article: on a busy disk the flushes were most of a run's waiting.
        IdentityLog.Append(log, planned.Select(p => ArticleWriter.Entry(p.Id, p.Name, p.Article, now)).ToList());
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
                    warnings.Add(ArticleWriter.Unplaced(article, folder));
                    continue;
                }
            }
            var stored = ArticleWriter.Stored(id, file, article);
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
        IdentityLog.Append(log, [ArticleWriter.Entry(id, name, article, now)]);
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
}
