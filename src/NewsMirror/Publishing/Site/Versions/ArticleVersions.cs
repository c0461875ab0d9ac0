using NewsMirror.Archive;
using NewsMirror.Evidence.Probes;
using NewsMirror.Identity;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// The versions of one revised article: times and titles from its identity-log lines, texts from the file and its git
/// history, matched by content hash, and for edits that probes confirmed on the outlet's page (the file never changes
/// then) from the probe log, in the same order as their revision lines. The times are those of the log, not of commits, so a page rendered before the run's
/// commit reads the same after it.
/// </summary>
internal static class ArticleVersions
{
    /// <param name="lines">The file's archiving line and revision lines (<see cref="RevisionLines"/>).</param>
    /// <param name="current">The file as it is now; null when it cannot be read.</param>
    public static List<ArticleVersion> Of(string archiveRoot, string relativePath, IReadOnlyList<IdentityLogEntry> lines, ArticleRecord? current)
    {
        var committed = GitFileVersions.Read(archiveRoot, relativePath)
            .Select(text => ArticleFile.TryParse(text, out var record) ? record : null)
            .OfType<ArticleRecord>()
            .ToList();
        var byHash = new Dictionary<string, ArticleRecord>(StringComparer.Ordinal);
        foreach (var record in committed.Append(current).OfType<ArticleRecord>()) byHash.TryAdd(ContentHash.Of(record), record);

        var probed = lines.Any(l => l.Change == IdentityLogEntry.Changes.Probe)
            ? new Queue<EditRecord>(EditRecords.Of(new ArchivePaths(archiveRoot), Path.GetFileName(Path.GetDirectoryName(relativePath))!, Path.GetFileName(relativePath)))
            : new Queue<EditRecord>();
        var versions = new List<ArticleVersion>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Change == IdentityLogEntry.Changes.Probe)
            {
                versions.Add(new ArticleVersion(i + 1, line.Archived.ToUnixTimeMilliseconds(), line.Change, line.Title,
                    probed.TryDequeue(out var edit) ? edit.Text : null));
                continue;
            }
            ArticleRecord? record = null;
            // An "ignore" revision left the file as it was: the source's new text was not kept, only its title is known.
            if (line.Change != IdentityLogEntry.Changes.Ignore)
            {
                if (line.Hash is { } hash) byHash.TryGetValue(hash, out record);
                // Lines written before hashes were kept: the original is the file's first committed content.
                if (record is null && i == 0) record = committed.FirstOrDefault();
            }
            versions.Add(new ArticleVersion(i + 1, line.Archived.ToUnixTimeMilliseconds(), line.Change, line.Title,
                record is null ? null : VersionText.Of(record.Body)));
        }
        return versions;
    }
}
