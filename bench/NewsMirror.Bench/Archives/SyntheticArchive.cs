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

    private static void WriteFolder(ArchivePaths paths, SourceConfig source, int count, NewsText text, DateTimeOffset archivedAt)
    {
        var directory = Directory.CreateDirectory(paths.ArticlesFolder(source.Folder)).FullName;
        var bodies = Enumerable.Range(0, BodiesPerFolder).Select(i => text.ArchivedBody(source.Folder, 3 + i % 14, english: i % 5 == 0)).ToArray();
        long spacing = (long)(archivedAt - Start).TotalMilliseconds / Math.Max(1, count);
        var log = new List<IdentityLogEntry>(count);
        var newest = new List<ListEntry>();
        for (int i = 0; i < count; i++)
        {
            // Oldest first: the countdown gives it the largest id.
            long id = ArticleId.FirstId - i;
            long published = Start.ToUnixTimeMilliseconds() + i * spacing;
            var record = new ArticleRecord(published, Title(source.Folder, i), Link(source.Folder, i), bodies[i % BodiesPerFolder]);
            var file = ArticleFileName.Format(id);
            File.WriteAllBytes(Path.Combine(directory, file), Utf8.GetBytes(ArticleFile.Render(record)));
            string? guid = source.Ids == IdScheme.WordPressPost ? $"https://chinadigitaltimes.net/chinese/?p={0xFFFFF ^ id}" : record.Link;
            log.Add(new IdentityLogEntry(id, file, guid, record.Link, record.Title, published, archivedAt)
            {
                Hash = ContentHash.Of(record),
                Seen = ContentHash.Of(record.Title, FeedBody(record.Title)),
            });
            if (i >= count - ListPage.MaxEntries) newest.Add(new ListEntry(published, record.Title, source.Folder, file));
        }
        IdentityLog.Append(paths.IdentityLog(source.Folder), log);
        newest.Reverse();
        Directory.CreateDirectory(Path.GetDirectoryName(paths.ListFile(source.Name))!);
        File.WriteAllText(paths.ListFile(source.Name), ListPage.Render(source.Name, newest), Utf8);
    }
}
