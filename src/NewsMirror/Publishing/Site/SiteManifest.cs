using System.Globalization;
using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>What the previous build read and wrote: lets a rebuild skip unchanged articles and pages.</summary>
internal sealed record ArticleStamp(ArchiveFile File, string ContentHash, long? TimestampMs, long ArchivedMs, string Title);

/// <summary>A written page: the hash of what it was rendered from, and of the bytes written.</summary>
internal sealed record PageStamp(string InputHash, string OutputHash);

/// <summary>
/// The incremental-build state, kept as two tab-separated files in <c>&lt;out&gt;/.newsmirror/</c>: one row per article
/// (listing stamp, content hash, header fields) and one per page (input and output hashes).
/// </summary>
internal sealed class SiteManifest
{
    private const string DirectoryName = ".newsmirror";
    private const string ArticlesHeader = "newsmirror-site articles 1";
    private const string PagesHeader = "newsmirror-site pages 1";

    public Dictionary<(string Folder, string FileName), ArticleStamp> Articles { get; } = [];
    public Dictionary<string, PageStamp> Pages { get; } = new(StringComparer.Ordinal);

    public static string DirectoryOf(string outputDirectory) => Path.Combine(outputDirectory, DirectoryName);

    public static bool IsManifestPath(string relativePath) => relativePath.StartsWith(DirectoryName + "/", StringComparison.Ordinal);

    /// <summary>An unreadable or missing manifest is an empty one: the build then renders everything once.</summary>
    public static SiteManifest Load(string outputDirectory)
    {
        var manifest = new SiteManifest();
        var directory = DirectoryOf(outputDirectory);
        foreach (var fields in ReadRows(Path.Combine(directory, "articles.tsv"), ArticlesHeader, 8))
        {
            var file = new ArchiveFile(fields[0], fields[1], 0, long.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[3], CultureInfo.InvariantCulture));
            if (!ArchiveScanner.TryParseId(file.FileName, out long id)) continue;
            long? timestamp = fields[5].Length == 0 ? null : long.Parse(fields[5], CultureInfo.InvariantCulture);
            manifest.Articles[(file.Folder, file.FileName)] = new ArticleStamp(
                file with { Id = id }, fields[4], timestamp, long.Parse(fields[6], CultureInfo.InvariantCulture), fields[7]);
        }
        foreach (var fields in ReadRows(Path.Combine(directory, "pages.tsv"), PagesHeader, 3))
            manifest.Pages[fields[0]] = new PageStamp(fields[1], fields[2]);
        return manifest;
    }

    /// <summary>Writes each table that differs from <paramref name="previous"/> (rows in no particular order).</summary>
    public void Save(string outputDirectory, SiteManifest previous)
    {
        var directory = DirectoryOf(outputDirectory);
        Directory.CreateDirectory(directory);
        if (!SameEntries(Articles, previous.Articles) || !File.Exists(Path.Combine(directory, "articles.tsv")))
            WriteRows(Path.Combine(directory, "articles.tsv"), ArticlesHeader, Articles.Values,
                a => [a.File.Folder, a.File.FileName, Invariant(a.File.Size), Invariant(a.File.LastWriteTicks), a.ContentHash,
                      a.TimestampMs is { } t ? Invariant(t) : "", Invariant(a.ArchivedMs), a.Title]);
        if (!SameEntries(Pages, previous.Pages) || !File.Exists(Path.Combine(directory, "pages.tsv")))
            WriteRows(Path.Combine(directory, "pages.tsv"), PagesHeader, Pages,
                p => [p.Key, p.Value.InputHash, p.Value.OutputHash]);
    }

    private static bool SameEntries<TKey, TValue>(Dictionary<TKey, TValue> current, Dictionary<TKey, TValue> previous) where TKey : notnull =>
        current.Count == previous.Count &&
        current.All(entry => previous.TryGetValue(entry.Key, out var old) && EqualityComparer<TValue>.Default.Equals(entry.Value, old));

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> ReadRows(string path, string header, int fieldCount)
    {
        if (!File.Exists(path)) yield break;
        using var reader = new StreamReader(path, Encoding.UTF8);
        if (reader.ReadLine() != header) yield break;
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length != fieldCount) continue;
            for (int i = 0; i < fields.Length; i++) fields[i] = Unescape(fields[i]);
            yield return fields;
        }
    }

    /// <summary>Written to a temporary file and moved into place, so an interrupted build leaves the old manifest whole.</summary>
    private static void WriteRows<T>(string path, string header, IEnumerable<T> rows, Func<T, string[]> fields)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine(header);
            foreach (var row in rows)
            {
                var values = fields(row);
                for (int i = 0; i < values.Length; i++)
                {
                    if (i > 0) writer.Write('\t');
                    writer.Write(Escape(values[i]));
                }
                writer.Write('\n');
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny("\\\t\n\r") < 0 ? field
            : field.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var result = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length) { result.Append(field[i]); continue; }
            result.Append(field[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }
        return result.ToString();
    }
}
