using System.Text;
using NewsMirror.Archive;
using NewsMirror.Bench.Synthetic;
using NewsMirror.Sources;
using NewsMirror.Identity;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Bench.Archives;

/// <summary>
/// Writes an archive as NewsMirror leaves it after years of hourly runs: the nine built-in outlets' folders of
/// countdown-id article files (one in five English), their identity logs (with content hashes), list pages and the README. Bodies are
/// drawn from a pool per folder (titles, links and times are unique) so a million articles take a minute, not an hour.
/// </summary>
internal static class SyntheticArchive
{
    private const int BodiesPerFolder = 256;
    private static readonly DateTimeOffset Start = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(false);

    public static IReadOnlyList<SourceConfig> Sources => BuiltInSources.All;

    /// <summary>The link of the article at position <paramref name="index"/> (0 = oldest) of a folder.</summary>
    public static string Link(string folder, int index) => $"https://www.example.com/{folder}/2024/{index}.html";

    /// <summary>Its title: derived from folder and position, so the feeds can carry archived items again.</summary>
    /// <remarks>Trimmed and single-spaced, as a feed's title reads back.</remarks>
    public static string Title(string folder, int index) =>
        string.Join(' ', new NewsText(folder.Aggregate(index, (seed, c) => seed * 31 + c)).Title(english: index % 5 == 0)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The body its feed item carries (the log's <see cref="IdentityLogEntry.Seen"/> is the hash of title and this).</summary>
    public static string FeedBody(string title) => "<p>" + System.Security.SecurityElement.Escape(title) + "</p>";

    public static void Generate(ArchivePaths paths, int total, DateTimeOffset archivedAt)
    {
        var sources = Sources;
        int perFolder = total / sources.Count;
        Parallel.For(0, sources.Count, f =>
        {
            var source = sources[f];
            int count = f == 0 ? total - perFolder * (sources.Count - 1) : perFolder;
            WriteFolder(paths, source, count, new NewsText(1000 + f), archivedAt);
        });
        File.WriteAllText(paths.Readme, ReadmePage.Generate(sources.Select(s => s.Name).ToList()), Utf8);
    }

    /// <summary>
    /// Adds <paramref name="count"/> articles newer than every one the archive holds, spread over the outlets as an
    /// hourly run adds them: the next countdown ids, bodies from the same pools, identity-log lines. Returns what was
    /// written, for <see cref="RemoveNewest"/>.
    /// </summary>
    public static AddedArticles AddNewest(ArchivePaths paths, int count, DateTimeOffset archivedAt)
    {
        var sources = Sources;
        var files = new List<string>();
        var logLengths = new Dictionary<string, long>();
        for (int f = 0; f < sources.Count; f++)
        {
            var source = sources[f];
            int adding = count / sources.Count + (f < count % sources.Count ? 1 : 0);
            if (adding == 0) continue;
            var log = paths.IdentityLog(source.Folder);
            logLengths[log] = new FileInfo(log).Length;
            // Positions continue after the folder's newest article (the smallest id).
            int held = (int)(ArticleId.FirstId - Directory.EnumerateFiles(paths.ArticlesFolder(source.Folder), "*.md")
                .Select(file => long.Parse(Path.GetFileNameWithoutExtension(file), System.Globalization.CultureInfo.InvariantCulture)).Min()) + 1;
            var text = new NewsText(1000 + f);
            var bodies = Enumerable.Range(0, BodiesPerFolder).Select(i => text.ArchivedBody(source.Folder, 3 + i % 14, english: i % 5 == 0)).ToArray();
            var entries = Enumerable.Range(held, adding)
                // A millisecond apart just before archivedAt: newer than everything the archive held, even articles added
                // a second earlier (one published before them would renumber the site's search documents; see PERFORMANCE.md).
                .Select(i => WriteArticle(paths, source, i, archivedAt.ToUnixTimeMilliseconds() - (held + adding - i), bodies, archivedAt))
                .ToList();
            IdentityLog.Append(log, entries);
            files.AddRange(entries.Select(e => Path.Combine(paths.ArticlesFolder(source.Folder), e.File)));
        }
        return new AddedArticles(files, logLengths);
    }

    /// <summary>Takes the articles <see cref="AddNewest"/> wrote out again: their files and their log lines.</summary>
    public static void RemoveNewest(AddedArticles added)
    {
        foreach (var file in added.Files) File.Delete(file);
        foreach (var (log, length) in added.LogLengths)
        {
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Write);
            stream.SetLength(length);
        }
    }

    private static void WriteFolder(ArchivePaths paths, SourceConfig source, int count, NewsText text, DateTimeOffset archivedAt)
    {
        Directory.CreateDirectory(paths.ArticlesFolder(source.Folder));
        var bodies = Enumerable.Range(0, BodiesPerFolder).Select(i => text.ArchivedBody(source.Folder, 3 + i % 14, english: i % 5 == 0)).ToArray();
        long spacing = (long)(archivedAt - Start).TotalMilliseconds / Math.Max(1, count);
        var log = new List<IdentityLogEntry>(count);
        var newest = new List<ListEntry>();
        for (int i = 0; i < count; i++)
        {
            var entry = WriteArticle(paths, source, i, Start.ToUnixTimeMilliseconds() + i * spacing, bodies, archivedAt);
            log.Add(entry);
            if (i >= count - ListPage.MaxEntries) newest.Add(new ListEntry(entry.Published!.Value, entry.Title, source.Folder, entry.File));
        }
        IdentityLog.Append(paths.IdentityLog(source.Folder), log);
        newest.Reverse();
        Directory.CreateDirectory(Path.GetDirectoryName(paths.ListFile(source.Name))!);
        File.WriteAllText(paths.ListFile(source.Name), ListPage.Render(source.Name, newest), Utf8);
    }

    /// <summary>The article at position <paramref name="index"/> (0 = oldest) of a folder; returns its identity-log line.</summary>
    private static IdentityLogEntry WriteArticle(ArchivePaths paths, SourceConfig source, int index, long published, string[] bodies, DateTimeOffset archivedAt)
    {
        // Oldest first: the countdown gives it the largest id.
        long id = ArticleId.FirstId - index;
        var record = new ArticleRecord(published, Title(source.Folder, index), Link(source.Folder, index), bodies[index % BodiesPerFolder]);
        var file = ArticleFileName.Format(id);
        File.WriteAllBytes(Path.Combine(paths.ArticlesFolder(source.Folder), file), Utf8.GetBytes(ArticleFile.Render(record)));
        string? guid = source.Ids == IdScheme.WordPressPost ? $"https://chinadigitaltimes.net/chinese/?p={0xFFFFF ^ id}" : record.Link;
        return new IdentityLogEntry(id, file, guid, record.Link, record.Title, published, archivedAt)
        {
            Hash = ContentHash.Of(record),
            Seen = ContentHash.Of(record.Title, FeedBody(record.Title)),
        };
    }
}

/// <summary>Articles <see cref="SyntheticArchive.AddNewest"/> wrote, and each touched log's length before.</summary>
internal sealed record AddedArticles(List<string> Files, Dictionary<string, long> LogLengths);
