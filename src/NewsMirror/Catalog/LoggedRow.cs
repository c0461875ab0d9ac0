using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>What one identity-log line makes of a file's row: the one rule for the catalog's catch-up and for rows read from a log's tail.</summary>
internal static class LoggedRow
{
    /// <summary>The row an archive line (no change) gives an existing file; <paramref name="current"/> is what the lines before it left.</summary>
    public static CatalogRow Archived(CatalogRow? current, IdentityLogEntry entry, string folder, string source)
    {
        var found = entry.Origin == IdentityLogEntry.Origins.Found;
        // A found line describes a file as it is; what the source last said about it is kept.
        return new CatalogRow(folder, entry.File, entry.Id, source, entry.Guid,
            entry.Link, entry.Title, entry.Published, entry.Archived, entry.Hash,
            found ? current?.SeenTitle : entry.Title, found ? current?.SeenHash : entry.Seen);
    }

    /// <summary>The row after an update or ignore line (a probe line leaves the row as it is).</summary>
    public static CatalogRow Revised(CatalogRow current, IdentityLogEntry entry) => entry.Change switch
    {
        IdentityLogEntry.Changes.Probe => current,
        IdentityLogEntry.Changes.Update => current with { Title = entry.Title, Link = entry.Link, Hash = entry.Hash, SeenTitle = entry.Title, SeenHash = entry.Seen },
        _ => current with { SeenTitle = entry.Title, SeenHash = entry.Seen },
    };
}
