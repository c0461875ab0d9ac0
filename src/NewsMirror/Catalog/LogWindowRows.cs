using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// The rows a probe pass asks a folder for — those archived since a time, and those of named files — read from the end
/// of the folder's identity log instead of the catalog's rows (a fresh clone's deferred folders,
/// <see cref="DeferredFolders"/>), so that choosing the due probes does not build 10^6 rows.
/// </summary>
/// <remarks>
/// Lines are appended in time order, so reading backward can stop at the first archive line older than
/// <c>since</c>, once every named file and every file met so far is settled (<see cref="LogTailRows"/>'s rule: a found
/// line keeps the seen title of the lines before it). When even the log's first archive line is newer than
/// <c>dueBy</c>, no article is asked for except the named ones (nothing archived after <c>dueBy</c> is due without a
/// retry), and only they are looked for. Each row is what the catalog would hold: the file's last archive line with the
/// revision lines after it, archived times in milliseconds; a logged file that does not exist has no row.
/// </remarks>
internal static class LogWindowRows
{
    /// <returns>The rows of files archived since <paramref name="since"/> and of the <paramref name="named"/> files the log describes.</returns>
    public static List<CatalogRow> Read(ArchiveCatalog catalog, string folder, DateTimeOffset since, DateTimeOffset dueBy, IReadOnlySet<string> named)
    {
        var log = catalog.Paths.IdentityLog(folder);
        bool onlyNamed = FirstArchived(log) is { } first && first > dueBy;
        // Each file's lines from its last archive line on, newest first; settled once a non-found archive line is met.
        var lines = new Dictionary<string, List<IdentityLogEntry>>(StringComparer.Ordinal);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(named, StringComparer.Ordinal);
        bool pastWindow = onlyNamed;
        var tail = new IdentityLogTail(log, long.MaxValue);
        foreach (var (_, entry) in tail.Read())
        {
            if (pastWindow && wanted.Count == 0) break;
            if (!pastWindow && entry.Change is null && entry.Archived < since)
            {
                pastWindow = true;
                // Files whose archive line is not met yet were archived before this line: not asked for unless named.
                foreach (var file in lines.Keys.Where(f => !settled.Contains(f) && !HasArchiveLine(lines[f]) && !named.Contains(f)).ToList()) lines.Remove(file);
                wanted.UnionWith(lines.Keys.Where(f => !settled.Contains(f)));
            }
            if (settled.Contains(entry.File)) continue;
            if (pastWindow && !wanted.Contains(entry.File)) continue;
            if (!lines.TryGetValue(entry.File, out var ofFile)) lines[entry.File] = ofFile = [];
            ofFile.Add(entry);
            if (entry.Change is null && entry.Origin != IdentityLogEntry.Origins.Found)
            {
                settled.Add(entry.File);
                wanted.Remove(entry.File);
            }
        }

        var source = catalog.SourceName(folder);
        var directory = CatalogPaths.Directory(catalog.Paths, folder);
        var rows = new List<CatalogRow>();
        foreach (var (file, ofFile) in lines)
        {
            CatalogRow? row = null;
            for (int i = ofFile.Count - 1; i >= 0; i--)
            {
                var entry = ofFile[i];
                if (entry.Change is null) row = LoggedRow.Archived(row, entry, folder, source);
                else if (row is not null) row = LoggedRow.Revised(row, entry);
            }
            if (row is null || !File.Exists(Path.Combine(directory, file))) continue;
            var archived = row.Archived is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()) : (DateTimeOffset?)null;
            if (archived >= DateTimeOffset.FromUnixTimeMilliseconds(since.ToUnixTimeMilliseconds()) || named.Contains(file))
                rows.Add(row with { Archived = archived });
        }
        return rows;
    }

    private static bool HasArchiveLine(List<IdentityLogEntry> lines) => lines.Exists(l => l.Change is null);

    /// <summary>The time of the log's first archive line (null: none).</summary>
    private static DateTimeOffset? FirstArchived(string log)
    {
        if (!File.Exists(log)) return null;
        foreach (var entry in new IdentityLogLines(log, 0).Read())
            if (entry.Change is null) return entry.Archived;
        return null;
    }
}
