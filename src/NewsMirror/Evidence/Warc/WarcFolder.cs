using System.Globalization;
using System.Text.RegularExpressions;
using NewsMirror.Archive;

namespace NewsMirror.Evidence.Warc;

/// <summary>
/// Where raw captures live: <c>.newsmirror/warc/YYYY/MM/DD-&lt;n&gt;.warc.gz</c>, by UTC day, numbered within a day; a
/// named writer (a fleet worker's clone, whose files meet other clones' in one repository) numbers its own files,
/// <c>DD-&lt;writer&gt;-&lt;n&gt;.warc.gz</c>, so that no two writers ever choose the same name.
/// </summary>
public static partial class WarcFolder
{
    /// <summary>The root .gitignore line that keeps captures out of git (<c>raw: local</c>).</summary>
    public const string IgnorePattern = ".newsmirror/warc/";

    public static string Root(ArchivePaths paths) => Path.Combine(paths.StateFolder, "warc");

    /// <param name="writer">The writer's name (see <see cref="IsWriterName"/>); null: the archive's own runs.</param>
    public static string FileOf(ArchivePaths paths, DateOnly day, int number, string? writer = null) =>
        Path.Combine(Root(paths), day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture),
            $"{day.ToString("dd", CultureInfo.InvariantCulture)}-{(writer is null ? "" : writer + "-")}{number.ToString(CultureInfo.InvariantCulture)}.warc.gz");

    /// <summary>Whether <paramref name="name"/> can name a writer: a lowercase letter, then up to 31 lowercase letters or digits.</summary>
    public static bool IsWriterName(string name) => WriterName().IsMatch(name);

    /// <summary>A capture file of the archive; <paramref name="Writer"/> null for the archive's own runs.</summary>
    public sealed record Entry(string Path, DateOnly Day, int Number, string? Writer = null);

    /// <summary>Every capture file, oldest first (by day, then number; writers' files of one day in no particular order between them).</summary>
    public static List<Entry> List(ArchivePaths paths)
    {
        var root = Root(paths);
        if (!Directory.Exists(root)) return [];
        var entries = new List<Entry>();
        foreach (var file in Directory.EnumerateFiles(root, "*.warc.gz", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            var match = FileName().Match(relative);
            if (!match.Success || !DateOnly.TryParseExact($"{match.Groups[1]}-{match.Groups[2]}-{match.Groups[3]}", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var day)) continue;
            entries.Add(new Entry(file, day, int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture), match.Groups[4].Success ? match.Groups[4].Value : null));
        }
        return entries.OrderBy(e => e.Day).ThenBy(e => e.Number).ThenBy(e => e.Writer, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^(\d{4})/(\d{2})/(\d{2})-(?:([a-z][a-z0-9]{0,31})-)?(\d+)\.warc\.gz$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^[a-z][a-z0-9]{0,31}$")]
    private static partial Regex WriterName();
}
