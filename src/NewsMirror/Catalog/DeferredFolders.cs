using Microsoft.Data.Sqlite;
using NewsMirror.Archive;

namespace NewsMirror.Catalog;

/// <summary>
/// A catalog whose article rows are not built yet: what a run makes when it finds no catalog (a fresh clone), so that
/// its identity questions are answered from the logs' tails (<see cref="LogTailRows"/>) instead of waiting for 10^6
/// rows. The file is complete and current in every other way (source states are kept in it). Its folders are built,
/// in one pass, when a question needs more than the tails or when any other command opens it; what the file alone
/// knows (source states, interrupted writes) is carried into the built file.
/// </summary>
/// <remarks>
/// It also remembers how far each identity log went when it was made (the logs as the clone had them), with the log's
/// fingerprints there. The build reads the lines up to that point as a rebuild, and the lines after it as the
/// incremental catch-up would have read them: those are this clone's own runs, so a line whose file does not exist is
/// an interrupted write (remembered as unwritten), not a deleted article.
/// </remarks>
internal static class DeferredFolders
{
    private const string Table = "deferred_folders";
    private const string LogsTable = "deferred_logs";

    /// <summary>Marks the catalog as deferred and records where each of the archive's identity logs ends now.</summary>
    public static void Mark(SqliteConnection connection, ArchivePaths paths, IReadOnlyList<string> folders)
    {
        using var transaction = connection.BeginTransaction();
        CatalogSql.Execute(connection, transaction, $"""
            CREATE TABLE {Table}(since INTEGER NOT NULL); INSERT INTO {Table} VALUES (unixepoch());
            CREATE TABLE {LogsTable}(folder TEXT PRIMARY KEY, bytes INTEGER NOT NULL, head TEXT NOT NULL, tail TEXT NOT NULL);
            """);
        foreach (var folder in folders)
        {
            var log = paths.IdentityLog(folder);
            var bytes = File.Exists(log) ? new FileInfo(log).Length : 0;
            var (head, tail) = LogFingerprint.Of(log, bytes);
            CatalogSql.Execute(connection, transaction, $"INSERT INTO {LogsTable}(folder, bytes, head, tail) VALUES ($folder, $bytes, $head, $tail)",
                ("$folder", folder), ("$bytes", bytes), ("$head", head), ("$tail", tail));
        }
        transaction.Commit();
    }

    public static bool IsMarked(SqliteConnection connection) =>
        CatalogSql.Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name", ("$name", Table)) is not null;

    /// <summary>
    /// Copies what no committed file holds from the catalog at <paramref name="path"/> into the new one; outside any
    /// transaction. Returns where each identity log ended when that catalog was made (null: a catalog made before
    /// this was recorded).
    /// </summary>
    public static LogsWhenMarked? CarryInto(SqliteConnection building, string path)
    {
        CatalogSql.Execute(building, null, "ATTACH DATABASE $path AS deferred", ("$path", path));
        try
        {
            CatalogSql.Execute(building, null, """
                INSERT INTO sources SELECT * FROM deferred.sources;
                INSERT INTO unwritten SELECT * FROM deferred.unwritten;
                """);
            if (CatalogSql.Scalar(building, "SELECT 1 FROM deferred.sqlite_master WHERE type = 'table' AND name = $name", ("$name", LogsTable)) is null)
                return null;
            var logs = new Dictionary<string, (long, string, string)>(StringComparer.Ordinal);
            using var command = CatalogSql.Command(building, null, $"SELECT folder, bytes, head, tail FROM deferred.{LogsTable}");
            using var reader = command.ExecuteReader();
            while (reader.Read()) logs[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
            return new LogsWhenMarked(logs);
        }
        finally
        {
            CatalogSql.Execute(building, null, "DETACH DATABASE deferred");
        }
    }

    /// <summary>Where each identity log ended when a deferred catalog was made, with its fingerprints there.</summary>
    public sealed class LogsWhenMarked(Dictionary<string, (long Bytes, string Head, string Tail)> logs)
    {
        /// <summary>
        /// Where the folder's log lines written since the catalog was made begin; 0 for a log that did not exist then;
        /// null when the log was rewritten since (a rebase, an edit): then every line is read as a rebuild.
        /// </summary>
        public long? NewLinesFrom(ArchivePaths paths, string folder)
        {
            if (!logs.TryGetValue(folder, out var marked)) return 0;
            return LogFingerprint.Of(paths.IdentityLog(folder), marked.Bytes) == (marked.Head, marked.Tail) ? marked.Bytes : null;
        }
    }
}
