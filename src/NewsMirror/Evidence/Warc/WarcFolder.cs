using System.Globalization;
using System.Text.RegularExpressions;
using NewsMirror.Archive;

namespace NewsMirror.Evidence.Warc;

/// <summary>Where raw captures live: <c>.newsmirror/warc/YYYY/MM/DD-&lt;n&gt;.warc.gz</c>, by UTC day, numbered within a day.</summary>
public static partial class WarcFolder
{
    /// <summary>The root .gitignore line that keeps captures out of git (<c>raw: local</c>).</summary>
    public const string IgnorePattern = ".newsmirror/warc/";

    public static string Root(ArchivePaths paths) => Path.Combine(paths.StateFolder, "warc");

    public static string FileOf(ArchivePaths paths, DateOnly day, int number) =>
        Path.Combine(Root(paths), day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture),
            $"{day.ToString("dd", CultureInfo.InvariantCulture)}-{number.ToString(CultureInfo.InvariantCulture)}.warc.gz");

    /// <summary>A capture file of the archive.</summary>
    public sealed record Entry(string Path, DateOnly Day, int Number);

    /// <summary>Every capture file, oldest first (by day, then number).</summary>
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
            entries.Add(new Entry(file, day, int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture)));
        }
        return entries.OrderBy(e => e.Day).ThenBy(e => e.Number).ToList();
    }

    [GeneratedRegex(@"^(\d{4})/(\d{2})/(\d{2})-(\d+)\.warc\.gz$")]
    private static partial Regex FileName();
}
