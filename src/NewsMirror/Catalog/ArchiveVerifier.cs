using NewsMirror.Archive;
using NewsMirror.Sources;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <param name="Unwritten">
/// Articles a stopped run logged and never wrote (not archived, so not a problem: the next run archives them while
/// their feed still carries them).
/// </param>
public sealed record VerifyReport(int Articles, IReadOnlyList<ArchiveProblem> Problems, IReadOnlyList<ArchiveProblem> Unwritten)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Proves an archive whole: every article parses, ids are unique per folder, the identity log describes
/// every file as it is, the catalog agrees with the files, and the list pages and README are what a run would
/// write. Reads every file: its cost is the archive's size, which is why runs never do this.
/// </summary>
public static class ArchiveVerifier
{
    public static VerifyReport Run(ArchiveCatalog catalog, IReadOnlyList<SourceConfig> sources, IProgress<int>? progress = null)
    {
        var problems = new List<ArchiveProblem>();
        var unwritten = new List<ArchiveProblem>();
        var scannedByFolder = new Dictionary<string, List<ScannedFile>>(StringComparer.Ordinal);
        int done = 0;
        foreach (var folder in catalog.ArchiveFolders())
        {
            catalog.CatchUp(folder);
            var scanned = FolderScan.Scan(catalog.Paths, folder, FolderScan.ListFiles(catalog.Paths, folder), () => progress?.Report(Interlocked.Increment(ref done)));
            scannedByFolder[folder] = scanned;
            problems.AddRange(FolderFindings.Unreadable(scanned));
            problems.AddRange(FolderFindings.IdCollisions(scanned));
            if (CatalogPaths.HasOwnLog(folder))
            {
                var interrupted = catalog.Unwritten(folder);
                foreach (var problem in LogProblems(catalog.Paths, folder, scanned, interrupted))
                    (problem.Kind == ProblemKinds.Unwritten ? unwritten : problems).Add(problem);
            }
            problems.AddRange(CatalogProblems(catalog, folder, scanned));
        }
        problems.AddRange(PageProblems(catalog.Paths, sources, scannedByFolder));
        return new VerifyReport(scannedByFolder.Values.Sum(s => s.Count), problems, unwritten);
    }

    private static IEnumerable<ArchiveProblem> LogProblems(ArchivePaths paths, string folder, List<ScannedFile> scanned, HashSet<(string File, string Link)> interrupted)
    {
        var logged = LogState.Read(paths.IdentityLog(folder));
        var links = scanned.Where(f => f.Header is not null).Select(f => LinkKey.Of(f.Header!.Link)).ToHashSet(StringComparer.Ordinal);
        var files = scanned.Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in scanned)
        {
            if (!logged.TryGetValue(file.File, out var entry))
                yield return new ArchiveProblem(file.RelativePath, ProblemKinds.MissingLogLine, "the identity log has no line for this file");
            else if (LogState.Disagreement(file, entry) is { } fields)
                yield return new ArchiveProblem(file.RelativePath, ProblemKinds.LogMismatch, $"the file's {fields} do not match its identity log line");
        }
        // A logged article whose link no file holds was deleted — unless the catalog saw its run stop before writing it.
        foreach (var (file, entry) in logged)
        {
            if (files.Contains(file) || links.Contains(LinkKey.Of(entry.Link))) continue;
            yield return interrupted.Contains((file, entry.Link))
                ? new ArchiveProblem(CatalogPaths.Relative(folder, file), ProblemKinds.Unwritten, $"a stopped run logged \"{entry.Title}\" but never wrote it; the next run archives it while its feed still carries it")
                : new ArchiveProblem(CatalogPaths.Relative(folder, file), ProblemKinds.MissingFile, $"the identity log records \"{entry.Title}\" but the file does not exist");
        }
    }

    private static IEnumerable<ArchiveProblem> CatalogProblems(ArchiveCatalog catalog, string folder, List<ScannedFile> scanned)
    {
        var rows = catalog.Rows(folder).ToDictionary(r => r.File, StringComparer.Ordinal);
        foreach (var file in scanned)
        {
            if (!rows.Remove(file.File, out var row))
                yield return new ArchiveProblem(file.RelativePath, ProblemKinds.NotInCatalog, "the catalog does not know this file");
            else if (file.Header is { } header && (row.Title != header.Title || row.Link != header.Link || row.Published != header.TimestampMs || row.Id != file.Id))
                yield return new ArchiveProblem(file.RelativePath, ProblemKinds.CatalogMismatch, "the catalog's title, link, time or id differ from the file");
        }
        foreach (var row in rows.Values)
            yield return new ArchiveProblem(row.RelativePath, ProblemKinds.CatalogStale, "the catalog lists a file that does not exist");
    }

    private static IEnumerable<ArchiveProblem> PageProblems(ArchivePaths paths, IReadOnlyList<SourceConfig> sources, Dictionary<string, List<ScannedFile>> scanned)
    {
        var archived = sources.Where(s => scanned.TryGetValue(s.Folder, out var files) && files.Count > 0).ToList();
        foreach (var source in archived)
        {
            var expected = ExpectedList(source, scanned[source.Folder]);
            var path = paths.ListFile(source.Name);
            if (!File.Exists(path) || File.ReadAllText(path) != expected)
                yield return new ArchiveProblem(Path.GetRelativePath(paths.Root, path).Replace('\\', '/'), ProblemKinds.StaleList,
                    File.Exists(path) ? "differs from the list page the articles give" : "missing");
        }
        if (archived.Count > 0 && ArchiveIndexPages.ExpectedReadme(paths, sources) is not null)
            yield return new ArchiveProblem("README.md", ProblemKinds.StaleReadme, File.Exists(paths.Readme) ? "lacks links to list pages" : "missing");
    }

    /// <summary>The list page from the files themselves (the catalog is under test too).</summary>
    internal static string ExpectedList(SourceConfig source, List<ScannedFile> files) =>
        ArchiveIndexPages.RenderList(source.Name, source.Folder, files.Select(f =>
            new StoredArticle(f.Id ?? 0, f.File, f.Header?.TimestampMs, f.Header?.Title ?? "", f.Header?.Link ?? "", null)));
}
