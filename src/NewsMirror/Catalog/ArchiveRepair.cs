using NewsMirror.Archive;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// <c>verify --fix</c>: regenerates what is derived from the article files — missing or disagreeing identity-log
/// lines (appended, never rewritten), the catalog and its search index, list pages and the README. Never
/// deletes, creates or rewrites an article file.
/// </summary>
public static class ArchiveRepair
{
    public static void Run(ArchiveCatalog catalog, IReadOnlyList<SourceConfig> sources, DateTimeOffset now)
    {
        var paths = catalog.Paths;
        var scannedByFolder = new Dictionary<string, List<ScannedFile>>(StringComparer.Ordinal);
        foreach (var folder in catalog.ArchiveFolders())
        {
            var scanned = FolderScan.Scan(paths, folder, FolderScan.ListFiles(paths, folder));
            scannedByFolder[folder] = scanned;
            if (CatalogPaths.HasOwnLog(folder))
            {
                var logged = LogState.Read(paths.IdentityLog(folder));
                var lines = scanned.Select(f => LogState.LineFor(f, logged.GetValueOrDefault(f.File), now)).OfType<IdentityLogEntry>().ToList();
                IdentityLog.Append(paths.IdentityLog(folder), lines);
            }
            catalog.Rebuild(folder);
        }
        CatalogSearchIndex.IndexPending(catalog);
        foreach (var source in sources.Where(s => scannedByFolder.TryGetValue(s.Folder, out var files) && files.Count > 0))
        {
            var path = paths.ListFile(source.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var expected = ArchiveVerifier.ExpectedList(source, scannedByFolder[source.Folder]);
            if (!File.Exists(path) || File.ReadAllText(path) != expected) AtomicFile.WriteAllText(path, expected);
        }
        if (scannedByFolder.Any(f => f.Value.Count > 0 && sources.Any(s => s.Folder == f.Key))) ArchiveIndexPages.UpdateReadme(paths, sources);
    }
}
