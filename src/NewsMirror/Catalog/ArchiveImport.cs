using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>How one folder was imported.</summary>
public sealed record FolderImport(string Folder, int Files, int Articles, int LogLinesWritten);

public sealed record ImportReport(IReadOnlyList<FolderImport> Folders, IReadOnlyList<ArchiveProblem> Anomalies)
{
    public int Articles => Folders.Sum(f => f.Articles);
}

/// <summary>
/// Indexes an existing archive (made by the reference script, its variants, or NewsMirror): reads every article
/// file once, writes identity-log lines for the files the log lacks (so later runs and fresh clones need no scan),
/// rebuilds each folder of the catalog and reports every anomaly with its path. Never changes an article file.
/// </summary>
public static class ArchiveImport
{
    /// <summary>Lists every folder first, so the caller can show progress over <c>total</c> files.</summary>
    public static (IReadOnlyList<(string Folder, List<string> Files)> Folders, int Total) Plan(ArchiveCatalog catalog)
    {
        var folders = catalog.ArchiveFolders().Select(f => (f, FolderScan.ListFiles(catalog.Paths, f))).ToList();
        return (folders, folders.Sum(f => f.Item2.Count));
    }

    public static ImportReport Run(ArchiveCatalog catalog, IReadOnlyList<(string Folder, List<string> Files)> folders, DateTimeOffset now, IProgress<int>? progress = null)
    {
        var imported = new List<FolderImport>();
        var anomalies = new List<ArchiveProblem>();
        int done = 0;
        foreach (var (folder, files) in folders)
        {
            var scanned = FolderScan.Scan(catalog.Paths, folder, files, () => progress?.Report(Interlocked.Increment(ref done)));
            anomalies.AddRange(FolderFindings.Unreadable(scanned));
            anomalies.AddRange(scanned.Where(f => f.Header is { TimestampMs: null } && f.Folder != CatalogPaths.JekyllFolder)
                .Select(f => new ArchiveProblem(f.RelativePath, ProblemKinds.NaNDate, "line 1 is <!--NaN--> (the source's date could not be parsed)")));
            anomalies.AddRange(FolderFindings.IdCollisions(scanned));
            anomalies.AddRange(FolderFindings.Duplicates(scanned));

            int linesWritten = 0;
            if (CatalogPaths.HasOwnLog(folder))
            {
                var logPath = catalog.Paths.IdentityLog(folder);
                var logged = LogState.Read(logPath);
                var lines = scanned.Where(f => !logged.ContainsKey(f.File))
                    .Select(f => LogState.LineFor(f, null, now)).OfType<IdentityLogEntry>().ToList();
                IdentityLog.Append(logPath, lines);
                linesWritten = lines.Count;
            }
            catalog.Rebuild(folder);
            imported.Add(new FolderImport(folder, files.Count, catalog.Count(folder), linesWritten));
        }
        return new ImportReport(imported, anomalies);
    }
}
