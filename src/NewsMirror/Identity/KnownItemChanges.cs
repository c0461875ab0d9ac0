using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Bodies;
using NewsMirror.Selection;

namespace NewsMirror.Identity;

/// <summary>
/// Notices when an already archived item comes back with a changed title or body. The source's version is
/// compared by hash (title and the feed's body field), so no page is fetched and no body cleaned for an
/// unchanged item. A change is logged either way (so it survives a fresh clone); with <c>on-change: update</c>
/// the file is first rewritten in place with the new version, keeping its id and publication time.
/// </summary>
public sealed class KnownItemChanges(ArchivePaths paths, ArticlePages pages, ArticleStore store)
{
    /// <param name="known">Candidates the folder already holds.</param>
    /// <returns>How many archived articles the source changed, and the files written (relative to the archive root).</returns>
    public async Task<(int Changed, List<string> Files)> RecordAsync(CatalogFolder folder, List<Candidate> known, SourceConfig source,
        DateTimeOffset now, SourceWarnings warnings, CancellationToken cancel)
    {
        var changed = new List<(Candidate Item, CatalogRow Row, string Seen)>();
        foreach (var item in known)
        {
            if (folder.FindRow(item.Guid, item.Record.Link, item.Record.Title, item.Record.TimestampMs) is not { } row) continue;
            var seen = item.SourceHash(source);
            if (row.SeenHash == seen) continue;
            if (row.SeenHash is null && row.Title == item.Record.Title)
            {
                // First sight of an article archived before hashes were kept: this version becomes the baseline.
                folder.RememberSeen(row, item.Record.Title, seen);
                continue;
            }
            if (row.Id is null) continue;
            changed.Add((item, row, seen));
        }
        if (changed.Count == 0) return (0, []);

        var update = source.OnChange == ChangePolicy.Update;
        var prepared = update ? await pages.PrepareEachAsync(changed.Select(c => c.Item).ToList(), source, warnings, cancel) : null;
        var log = paths.IdentityLog(folder.Name);
        var files = new List<string>();
        var recorded = 0;
        for (int i = 0; i < changed.Count; i++)
        {
            var (item, row, seen) = changed[i];
            var entry = new IdentityLogEntry(row.Id!.Value, row.File, row.Guid ?? item.Guid, row.Link, item.Record.Title, row.Published, now)
            {
                Seen = seen,
                Change = IdentityLogEntry.Changes.Ignore,
            };
            if (update)
            {
                if (prepared![i] is not { } article) continue;
                var record = article.Record with { TimestampMs = row.Published, Link = row.Link };
                try
                {
                    // File first: stopped before the log line, the next run sees the same change and writes the same file again.
                    files.Add(store.Rewrite(source, folder, row.File, record, now));
                }
                catch (ArgumentException e)
                {
                    warnings.Add($"revision not written, cannot be an article file ({e.Message}): {row.Link}");
                    continue;
                }
                entry = entry with { Title = record.Title, Hash = ContentHash.Of(record), Change = IdentityLogEntry.Changes.Update };
            }
            IdentityLog.Append(log, [entry]);
            recorded++;
        }
        if (recorded > 0) files.Add(paths.Relative(log));
        return (recorded, files);
    }
}
