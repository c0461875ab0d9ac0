using System.Text;
using System.Text.RegularExpressions;
using NewsMirror.Archive;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Names the sources of an archive from what it holds, for when no source configuration is at hand: every folder of
/// <c>articles/</c>, named by the list page (<c>lists/&lt;name&gt;.md</c>, first line) whose entries link into it,
/// otherwise by the folder name itself.
/// </summary>
public static partial class ArchiveSourceNames
{
    public static IReadOnlyList<(string Name, string Folder)> Discover(string archiveRoot)
    {
        var articles = Path.Combine(archiveRoot, ArchivePaths.ArticlesFolderName);
        if (!Directory.Exists(articles)) return [];
        var names = ListPageNames(Path.Combine(archiveRoot, ArchivePaths.ListsFolderName));
        return Directory.EnumerateDirectories(articles)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(folder => !folder.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(folder => (names.GetValueOrDefault(folder, folder), folder))
            .ToList();
    }

    /// <summary>Folder → display name, from each list page's first line and the folder its first entry links to.</summary>
    private static Dictionary<string, string> ListPageNames(string listsDirectory)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(listsDirectory)) return names;
        foreach (var file in Directory.EnumerateFiles(listsDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            var lines = text.Split('\n', 3);
            if (lines.Length < 3 || lines[1].TrimEnd('\r') != "------") continue;
            var name = lines[0].Trim();
            var link = EntryLink().Match(lines[2]);
            if (name.Length == 0 || !link.Success) continue;
            names.TryAdd(Uri.UnescapeDataString(link.Groups["folder"].Value), name);
        }
        return names;
    }

    [GeneratedRegex(@"\]\(/?articles/(?<folder>[^/)]+)/")]
    private static partial Regex EntryLink();
}
