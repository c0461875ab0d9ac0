using System.Globalization;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;

namespace NewsMirror.Publishing.Site;

/// <summary>The probes' final removal verdicts (<see cref="RemovalRecords"/>) as the site shows them.</summary>
public static class ProbedRemovals
{
    /// <summary>None for an archive that was never probed: its catalog is then not opened (nor built) at all.</summary>
    public static IReadOnlyList<SiteRemoval> Read(string archiveRoot)
    {
        var paths = new ArchivePaths(archiveRoot);
        if (!ProbeLog.Folders(paths).Any()) return [];
        using var catalog = ArchiveCatalog.Open(paths, []);
        return RemovalRecords.Of(catalog)
            .Select(r => long.TryParse(Path.GetFileNameWithoutExtension(r.File), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new SiteRemoval(r.Folder, id, r.Verdict, r.VerdictAt, r.Status, r.Target)
                : null)
            .OfType<SiteRemoval>()
            .ToList();
    }
}
