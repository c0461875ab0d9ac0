using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Archive.Layouts.Jekyll;

/// <summary>Writes new posts of the Jekyll layout into the shared <c>_posts/</c> folder.</summary>
internal static class PostWriter
{
    /// <summary>Creates the file for an article given its id and bytes; null when the name is taken.</summary>
    private delegate string? Place(long id, byte[] bytes, NewArticle article);

    /// <summary>
    /// The Jekyll layout: <c>_posts/&lt;JekyllPost.FileName&gt;</c>; the id is logical (kept in the identity log),
    /// and a name already taken gets a numeric suffix (<c>-2</c>, <c>-3</c>, …), never an overwrite. The log lines
    /// follow the files: this layout's folder is listed on every run, so a post without its line is still found.
    /// </summary>
    public static List<StoredArticle> Write(ArchivePaths paths, IArchiveFolder folder, string displayName, IEnumerable<NewArticle> articles, DateTimeOffset now, SourceWarnings warnings)
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
        IdentityLog.Append(paths.IdentityLog(folder.Name), written.Select(s => ArticleWriter.Entry(s.Id, s.File, files[s.Id], now)).ToList());
        return written;
    }

    /// <summary>One article at a time: <paramref name="place"/> writes it under an id, or returns null when that id is taken.</summary>
    private static List<StoredArticle> WriteEach(IArchiveFolder folder, IEnumerable<NewArticle> articles, SourceWarnings warnings,
        Func<ArticleRecord, string> render, Place place)
    {
        Directory.CreateDirectory(folder.Path);
        var written = new List<StoredArticle>();
        var nextId = folder.SmallestId;
        foreach (var (article, bytes) in ArticleWriter.Rendered(articles, render, warnings))
        {
            StoredArticle? stored = null;
            if (article.FixedId is { } fixedId)
            {
                if (!folder.HasId(fixedId) && place(fixedId, bytes, article) is { } file) stored = ArticleWriter.Stored(fixedId, file, article);
            }
            else
            {
                while (stored is null && --nextId >= 0)
                    if (!folder.HasId(nextId) && place(nextId, bytes, article) is { } file)
                        stored = ArticleWriter.Stored(nextId, file, article);
            }
            if (stored is null)
            {
                warnings.Add(ArticleWriter.Unplaced(article, folder));
                continue;
            }
            folder.Add(stored);
            written.Add(stored);
        }
        return written;
    }
}
