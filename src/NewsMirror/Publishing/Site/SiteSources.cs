using NewsMirror.Sources;
using NewsMirror.Archive;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The sources a site shows: the configured ones (newsmirror.yml, else the built-in outlets), then any other
/// article folder the archive holds — older archives keep folders no source writes to any more (法广/, BBC/).
/// </summary>
public static class SiteSources
{
    public static IReadOnlyList<(string Name, string Folder)> Of(string archiveRoot)
    {
        var configured = SourceSelection.Load(null, archiveRoot).Select(s => (s.Name, s.Folder)).ToList();
        var folders = configured.Select(s => s.Folder).ToHashSet(StringComparer.Ordinal);
        var names = configured.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var others = ArchiveSourceNames.Discover(archiveRoot)
            .Where(d => !folders.Contains(d.Folder))
            .Select(d => names.Contains(d.Name) ? (d.Folder, d.Folder) : d);
        return [.. configured.Where(s => Directory.Exists(Path.Combine(archiveRoot, ArchivePaths.ArticlesFolderName, s.Folder))), .. others];
    }

    /// <summary>The <c>lang</c> of each configured source's article pages, by folder (newsmirror.yml's <c>lang</c> key).</summary>
    public static IReadOnlyDictionary<string, string> Languages(string archiveRoot) =>
        SourceSelection.Load(null, archiveRoot)
            .DistinctBy(s => s.Folder, StringComparer.Ordinal)
            .ToDictionary(s => s.Folder, s => s.Language, StringComparer.Ordinal);
}
