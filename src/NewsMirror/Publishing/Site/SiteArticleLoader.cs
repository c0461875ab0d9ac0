using System.Collections.Concurrent;
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
    public static SiteArchive Load(SiteBuildOptions options, SiteManifest previous, SiteManifest next)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) };
        int sourceCount = options.Sources.Count;
        var known = new List<ArticleStamp>[sourceCount];
        var changed = new List<ArchiveFile>[sourceCount];
        Parallel.For(0, sourceCount, parallel, s =>
        {
            known[s] = [];
            changed[s] = [];
            foreach (var file in ArchiveScanner.Scan(options.ArchiveRoot, options.Sources[s].Folder))
            {
                if (previous.Articles.TryGetValue((file.Folder, file.FileName), out var old) &&
                    old.File.Size == file.Size && old.File.LastWriteTicks == file.LastWriteTicks)
                    known[s].Add(old);
                else
                    changed[s].Add(file);
            }
        });

        var toRead = changed.SelectMany((files, s) => files.Select(file => (s, file))).ToList();
        var reread = new ConcurrentBag<(int Source, ArticleStamp Stamp)>();
        // Only header fields and a short excerpt are kept: holding the bodies of a whole archive would take gigabytes.
        var fresh = new ConcurrentBag<(int Source, ArchiveFile File, UInt128 Hash, long? TimestampMs, string Title, string Excerpt)>();
        var skipped = new ConcurrentBag<string>();
        Parallel.ForEach(toRead, parallel, item =>
        {
            var (s, file) = item;
            var bytes = File.ReadAllBytes(Path.Combine(ArchiveScanner.ArticlesDirectory(options.ArchiveRoot, file.Folder), file.FileName));
            var hash = InputHash.Of(bytes);
            if (previous.Articles.TryGetValue((file.Folder, file.FileName), out var old) && old.ContentHash == hash)
                reread.Add((s, old with { File = file }));
            else if (TryReadHeader(bytes) is { } header)
                fresh.Add((s, file, hash, header.TimestampMs, header.Title, SearchExcerpt.OfFile(bytes)));
            else
                skipped.Add(Path.Combine(ArchivePaths.ArticlesFolderName, file.Folder, file.FileName));
        });

        foreach (var (s, stamp) in reread) known[s].Add(stamp);
        var archivedTimes = GitAddedTimes.Find(options.ArchiveRoot, fresh.Select(f => RelativePath(f.File)).ToList());
        foreach (var (s, file, hash, timestampMs, title, excerpt) in fresh)
        {
            long archivedMs = archivedTimes.TryGetValue(RelativePath(file), out var committed)
                ? committed
                : new DateTimeOffset(file.LastWriteTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();
            known[s].Add(new ArticleStamp(file, hash, timestampMs, archivedMs, new ArticleText(title, excerpt)));
        }

        foreach (var stamp in known.SelectMany(stamps => stamps)) next.Articles[(stamp.File.Folder, stamp.File.FileName)] = stamp;
        var bySource = new IReadOnlyList<SiteArticle>[sourceCount];
        Parallel.For(0, sourceCount, parallel, s => bySource[s] = Arrange(s, known[s]));
        return new SiteArchive(bySource, skipped.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Only the header is decoded: the body is read again when its page is rendered.</summary>
    private static ArticleHeader? TryReadHeader(byte[] bytes)
    {
        try
        {
            return ArticleFile.ReadHeader(new MemoryStream(bytes, writable: false));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string RelativePath(ArchiveFile file) => $"{ArchivePaths.ArticlesFolderName}/{file.Folder}/{file.FileName}";

    /// <summary>Newest first: a smaller id is newer, compared as numbers. Files sharing an id get <c>-2</c>, <c>-3</c>… slugs.</summary>
    private static IReadOnlyList<SiteArticle> Arrange(int sourceIndex, List<ArticleStamp> stamps)
    {
        stamps.Sort((a, b) => a.File.Id != b.File.Id ? a.File.Id.CompareTo(b.File.Id) : string.CompareOrdinal(a.File.FileName, b.File.FileName));
        var articles = new List<SiteArticle>(stamps.Count);
        for (int i = 0; i < stamps.Count; i++)
        {
            var stamp = stamps[i];
            int duplicate = 1;
            while (i - duplicate >= 0 && stamps[i - duplicate].File.Id == stamp.File.Id) duplicate++;
            articles.Add(new SiteArticle
            {
                SourceIndex = sourceIndex,
                File = stamp.File,
                ContentHash = stamp.ContentHash,
                TimestampMs = stamp.TimestampMs,
                Text = stamp.Text,
                ArchivedMs = stamp.ArchivedMs,
                Slug = duplicate == 1 ? stamp.File.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{stamp.File.Id}-{duplicate}",
            });
        }
        return articles;
    }
}
