using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// The identity-log lines of the articles their source revised: for each such file, the line that archived it and every
/// revision line after it (<see cref="IdentityLogEntry.Change"/>), in log order. The logs are committed, so a fresh clone
/// shows the same versions.
/// </summary>
internal static class RevisionLines
{
    /// <returns>By file name; files never revised are absent.</returns>
    public static Dictionary<string, List<IdentityLogEntry>> Of(string archiveRoot, string folder)
    {
        var revised = new Dictionary<string, List<IdentityLogEntry>>(StringComparer.Ordinal);
        var log = new ArchivePaths(archiveRoot).IdentityLog(folder);
        // Most logs hold no revision at all: a search of the raw bytes for the key spares decoding every line of them
        // into a string (every site build reads every log: about 50 MB at 200k articles).
        if (!File.Exists(log) || !MentionsChange(log)) return revised;

        var entries = IdentityLog.Read(log);
        var changedFiles = entries.Where(e => e.Change is not null).Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!changedFiles.Contains(entry.File)) continue;
            if (!revised.TryGetValue(entry.File, out var lines)) revised[entry.File] = lines = [];
            // Only the first non-revision line is the archiving; a later one (an import's "found" line) restates the file.
            if (entry.Change is not null || lines.Count == 0) lines.Add(entry);
        }
        return revised;
    }

    private static bool MentionsChange(string log)
    {
        var bytes = File.ReadAllBytes(log);
        return bytes.AsSpan().IndexOf("\"change\":"u8) >= 0;
    }
}
