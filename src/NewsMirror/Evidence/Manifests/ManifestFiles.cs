using System.Globalization;
using System.Text.RegularExpressions;
using NewsMirror.Archive;

namespace NewsMirror.Evidence.Manifests;

/// <summary>Where manifests and the WARC captures they hash live: one file per month, <c>.newsmirror/manifests/YYYY-MM.jsonl</c>.</summary>
public static partial class ManifestFiles
{
    /// <summary>Relative to the archive root.</summary>
    public const string FolderName = ".newsmirror/manifests";

    /// <summary>Relative to the archive root; WARC files anywhere below it are hashed.</summary>
    public const string WarcFolderName = ".newsmirror/warc";

    public static string Folder(ArchivePaths paths) => Path.Combine(paths.Root, FolderName);

    public static string MonthName(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ".jsonl";

    public static bool IsMonthFile(string name) => MonthFilePattern().IsMatch(name);

    /// <summary>The month files in chain order (by name, which is by month), absolute paths.</summary>
    public static IReadOnlyList<string> InOrder(ArchivePaths paths)
    {
        var folder = Folder(paths);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder).Where(f => IsMonthFile(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a path relative to the archive root is in the manifests folder (never listed in a line itself).</summary>
    public static bool IsManifestPath(string relative) => relative.StartsWith(FolderName + "/", StringComparison.Ordinal);

    public static bool IsWarcPath(string relative) => relative.StartsWith(WarcFolderName + "/", StringComparison.Ordinal);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}\.jsonl$")]
    private static partial Regex MonthFilePattern();
}
