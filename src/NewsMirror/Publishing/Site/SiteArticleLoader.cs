using System.Collections.Concurrent;
using System.Text;
using NewsMirror.Archive;

namespace NewsMirror.Publishing.Site;

/// <summary>The archive as the site sees it: per source, its articles newest first.</summary>
internal sealed record SiteArchive(IReadOnlyList<IReadOnlyList<SiteArticle>> BySource, IReadOnlyList<string> SkippedFiles)
{
    public IEnumerable<SiteArticle> All => BySource.SelectMany(articles => articles);
}

/// <summary>
/// Reads the archive's article headers. A file whose size and time match the previous build's manifest is not opened;
/// a file that changed is read and hashed, and re-parsed only if its content really differs.
/// </summary>
internal static class SiteArticleLoader
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static SiteArchive Load(SiteBuildOptions options, SiteManifest previous, SiteManifest next)
    {
        var files = options.Sources
            .Select((source, index) => (index, files: ArchiveScanner.Scan(options.ArchiveRoot, source.Folder)))
            .ToList();

        var stamps = new ConcurrentDictionary<ArchiveFile, ArticleStamp>();
        var fresh = new ConcurrentBag<(ArchiveFile File, string Hash, ArticleRecord Record)>();
        var skipped = new ConcurrentBag<string>();
        var toRead = new List<ArchiveFile>();
        foreach (var file in files.SelectMany(s => s.files))
        {
            if (previous.Articles.TryGetValue((file.Folder, file.FileName), out var old) &&
                old.File.Size == file.Size && old.File.LastWriteTicks == file.LastWriteTicks)
                stamps[file] = old with { File = file };
            else
                toRead.Add(file);
        }

        Parallel.ForEach(toRead, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism }, file =>
        {
            var path = Path.Combine(ArchiveScanner.ArticlesDirectory(options.ArchiveRoot, file.Folder), file.FileName);
            var bytes = File.ReadAllBytes(path);
            var hash = InputHash.Of(bytes);
            if (previous.Articles.TryGetValue((file.Folder, file.FileName), out var old) && old.ContentHash == hash)
                stamps[file] = old with { File = file };
            else if (ArticleFile.TryParse(Utf8.GetString(bytes), out var record))
                fresh.Add((file, hash, record));
            else
                skipped.Add(Path.Combine("articles", file.Folder, file.FileName));
        });

        var archivedTimes = GitAddedTimes.Find(options.ArchiveRoot, fresh.Select(f => RelativePath(f.File)).ToList());
        foreach (var (file, hash, record) in fresh)
        {
            long archivedMs = archivedTimes.TryGetValue(RelativePath(file), out var committed)
                ? committed
                : new DateTimeOffset(file.LastWriteTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();
            stamps[file] = new ArticleStamp(file, hash, record.TimestampMs, archivedMs, record.Title);
        }

        foreach (var stamp in stamps.Values) next.Articles[(stamp.File.Folder, stamp.File.FileName)] = stamp;

        var bySource = files.Select(source => Arrange(source.index,
            source.files.Where(stamps.ContainsKey).Select(file => stamps[file]))).ToList();
        return new SiteArchive(bySource, skipped.Order(StringComparer.Ordinal).ToList());
    }

    private static string RelativePath(ArchiveFile file) => $"articles/{file.Folder}/{file.FileName}";

    /// <summary>Newest first: a smaller id is newer, compared as numbers. Files sharing an id get <c>-2</c>, <c>-3</c>… slugs.</summary>
    private static IReadOnlyList<SiteArticle> Arrange(int sourceIndex, IEnumerable<ArticleStamp> stamps)
    {
        var articles = stamps
            .OrderBy(s => s.File.Id)
            .ThenBy(s => s.File.FileName, StringComparer.Ordinal)
            .Select(s => new SiteArticle
            {
                SourceIndex = sourceIndex,
                File = s.File,
                ContentHash = s.ContentHash,
                TimestampMs = s.TimestampMs,
                Title = s.Title,
                ArchivedMs = s.ArchivedMs,
            })
            .ToList();
        for (int i = 0; i < articles.Count; i++)
        {
            int duplicate = 1;
            while (i - duplicate >= 0 && articles[i - duplicate].Id == articles[i].Id) duplicate++;
            articles[i].Slug = duplicate == 1 ? articles[i].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{articles[i].Id}-{duplicate}";
        }
        return articles;
    }
}
