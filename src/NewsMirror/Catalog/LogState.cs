using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>What a folder's identity log says each file holds now: its last archive line, with later update lines applied.</summary>
public static class LogState
{
    public static Dictionary<string, IdentityLogEntry> Read(string logPath)
    {
        var files = new Dictionary<string, IdentityLogEntry>(StringComparer.Ordinal);
        foreach (var entry in IdentityLog.Read(logPath))
        {
            if (entry.Change is null) files[entry.File] = entry;
            else if (entry.Change == IdentityLogEntry.Changes.Update && files.TryGetValue(entry.File, out var current))
                files[entry.File] = current with { Title = entry.Title, Link = entry.Link, Hash = entry.Hash };
        }
        return files;
    }

    /// <summary>
    /// A found line describing <paramref name="file"/> as it is on disk (keeping the guid the log knew), or null
    /// when the log already agrees with it or its header cannot be read.
    /// </summary>
    public static IdentityLogEntry? LineFor(ScannedFile file, IdentityLogEntry? logged, DateTimeOffset now)
    {
        if (file.Id is not { } id || file.Header is not { } header) return null;
        if (logged is not null && Disagreement(file, logged) is null) return null;
        return new IdentityLogEntry(id, file.File, logged?.Guid, header.Link, header.Title, header.TimestampMs, now)
        {
            Hash = file.Hash,
            Origin = IdentityLogEntry.Origins.Found,
        };
    }

    /// <summary>Which of title, link, time and content differ between the file and its log line; null when none.</summary>
    public static string? Disagreement(ScannedFile file, IdentityLogEntry logged)
    {
        if (file.Header is not { } header) return null;
        var fields = new List<string>();
        if (header.Title != logged.Title) fields.Add("title");
        if (header.Link != logged.Link) fields.Add("link");
        if (header.TimestampMs != logged.Published) fields.Add("time");
        if (logged.Hash is not null && file.Hash is not null && logged.Hash != file.Hash) fields.Add("content");
        return fields.Count == 0 ? null : string.Join(", ", fields);
    }
}
