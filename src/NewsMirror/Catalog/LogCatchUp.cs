using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// Brings one folder of the catalog in step with its identity log. The catalog remembers how many bytes of
/// the log it has applied, with fingerprints of the first and last 4 KiB before that point: when both still
/// match, only the bytes after it are read. Otherwise (first sight, a log that shrank or was rewritten) the
/// folder is rebuilt from the whole log and one listing of its files. A logged article whose file does not
/// exist is not archived (a run was stopped between writing the log line and the file); a file without a log
/// line is indexed from its header.
/// </summary>
internal sealed class LogCatchUp(ArchiveCatalog catalog, string folder)
{

    private readonly string _log = catalog.Paths.IdentityLog(folder);
    private readonly string _directory = CatalogPaths.Directory(catalog.Paths, folder);

    public void Run()
    {
        var applied = AppliedState();
        if (applied is null || !StillMatches(applied.Value)) Rebuild();
        else if (LogLength() > applied.Value.Bytes) Apply(applied.Value.Bytes);
    }

    private (long Bytes, string Head, string Tail)? AppliedState()
    {
        using var command = CatalogSql.Command(catalog.Connection, null, "SELECT applied, head, tail FROM logs WHERE folder = $folder", ("$folder", folder));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    private long LogLength() => File.Exists(_log) ? new FileInfo(_log).Length : 0;

    private bool StillMatches((long Bytes, string Head, string Tail) applied) =>
        LogLength() >= applied.Bytes && Fingerprints(applied.Bytes) == (applied.Head, applied.Tail);

    private (string Head, string Tail) Fingerprints(long upTo) => LogFingerprint.Of(_log, upTo);

    private void Apply(long from)
    {
        var chunk = IdentityLog.ReadFrom(_log, from);
        using var transaction = catalog.Connection.BeginTransaction();
        using var rows = new CaughtUpRows(catalog, folder, transaction);
        foreach (var entry in chunk.Entries)
            ApplyEntry(entry, rows, transaction, File.Exists(Path.Combine(_directory, entry.File)), incremental: true);
        SaveApplied(transaction, chunk.End);
        transaction.Commit();
    }

    public void Rebuild()
    {
        var files = ListFiles(catalog.Paths, folder);
        var lines = new IdentityLogLines(_log, 0);
        using var transaction = catalog.Connection.BeginTransaction();
        CatalogRows.DeleteFolder(catalog.Connection, transaction, folder);
        Rebuild(transaction, files, lines.Read().Select(entry => (entry, lines.End)), () => lines.End);
        transaction.Commit();
    }

    /// <summary>Writes the folder's rows anew from its log lines and listed files; its old rows must be gone.</summary>
    /// <param name="entries">The log's lines, each with where it ends in the log.</param>
    /// <param name="logEnd">Where the log's last complete line ends, asked once the lines are read.</param>
    /// <param name="newLinesFrom">
    /// Where the lines begin that a catalog of this clone saw appended (a deferred catalog's, <see cref="DeferredFolders"/>):
    /// those are applied as the incremental catch-up applies them. Null: every line is read as a rebuild.
    /// </param>
    public void Rebuild(SqliteTransaction transaction, HashSet<string> files, IEnumerable<(IdentityLogEntry Entry, long End)> entries, Func<long> logEnd,
        long? newLinesFrom = null)
    {
        using var rows = new RebuiltRows(catalog.Connection);
        foreach (var (entry, end) in entries)
            ApplyEntry(entry, rows, transaction, files.Contains(entry.File), incremental: newLinesFrom is { } from && end > from);
        foreach (var file in files)
        {
            if (rows.Has(file)) continue;
            if (UnloggedFile.Read(catalog, folder, _directory, file) is { } row) rows.Put(row, replacing: false);
        }
        SaveApplied(transaction, logEnd());
    }

    /// <summary>The folder's article file names.</summary>
    public static HashSet<string> ListFiles(ArchivePaths paths, string folder)
    {
        var directory = CatalogPaths.Directory(paths, folder);
        var files = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory)) return files;
        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (UnloggedFile.IsArticleName(folder, name)) files.Add(name);
        }
        return files;
    }

    private void ApplyEntry(IdentityLogEntry entry, IFolderRows rows, SqliteTransaction transaction, bool fileExists, bool incremental)
    {
        var current = rows.Current(entry.File);
        if (entry.Change is null)
        {
            if (!fileExists)
            {
                // Logged but never written: the article is not archived, and its id is free again.
                if (current is not null) rows.Remove(entry.File);
                // Seen for the first time without its file, the line is an interrupted write (the catalog had applied
                // every line before it). Remembered so that verify tells it from a deleted article; a rebuild cannot tell.
                if (incremental) RememberUnwritten(transaction, entry);
                return;
            }
            rows.Put(LoggedRow.Archived(current, entry, folder, catalog.SourceName(folder)), replacing: current is not null);
            return;
        }
        if (current is null) return;
        if (entry.Change == IdentityLogEntry.Changes.Probe)
        {
            // What the page said says nothing about what the feed said: the row's seen title and hash stay.
            var before = Revisions.LastProbed(catalog.Connection, transaction, folder, entry.File);
            Revisions.Record(catalog.Connection, transaction, new ArticleRevision(folder, entry.File, entry.Archived, entry.Change,
                before?.Title ?? current.Title, entry.Title, before?.Hash, entry.Seen));
            return;
        }
        Revisions.Record(catalog.Connection, transaction, new ArticleRevision(folder, entry.File, entry.Archived, entry.Change,
            current.SeenTitle ?? current.Title, entry.Title, current.SeenHash, entry.Seen));
        rows.Put(LoggedRow.Revised(current, entry), replacing: entry.Change == IdentityLogEntry.Changes.Update);
    }

    private void RememberUnwritten(SqliteTransaction transaction, IdentityLogEntry entry) =>
        CatalogSql.Execute(catalog.Connection, transaction, "INSERT OR IGNORE INTO unwritten(folder, file, link) VALUES ($folder, $file, $link)",
            ("$folder", folder), ("$file", entry.File), ("$link", entry.Link));

    private void SaveApplied(SqliteTransaction transaction, long bytes)
    {
        var (head, tail) = Fingerprints(bytes);
        CatalogSql.Execute(catalog.Connection, transaction, "INSERT OR REPLACE INTO logs(folder, applied, head, tail) VALUES ($folder, $applied, $head, $tail)",
            ("$folder", folder), ("$applied", bytes), ("$head", head), ("$tail", tail));
    }
}
