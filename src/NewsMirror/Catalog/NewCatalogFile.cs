using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// Makes a catalog file from nothing (a fresh clone, a deleted or damaged catalog): every folder from its log
/// and listing in one pass, into a file of its own beside catalog.db, which replaces catalog.db only once it is
/// complete. The file is derived data being built by one process, so it is written without a journal or syncs
/// and gets its indexes after its rows; a build that stops (killed, power lost) leaves only its temporary file,
/// and the next open builds again.
/// </summary>
internal static class NewCatalogFile
{
    /// <summary>How long a process waits for another's build before giving up (a build of 10^6 articles takes under a minute).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Held while a process builds (an OS file lock, released even when the process is killed): a second
    /// process waits, then finds the catalog built, instead of replacing a file the first one has open.
    /// </summary>
    public static FileStream WaitForBuildLock(string path)
    {
        var deadline = DateTime.UtcNow + LongestWait;
        while (true)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>Builds the catalog into a temporary file and gives it <paramref name="path"/>; the caller holds the build lock.</summary>
    /// <param name="folders">The folders to build; none gives an empty catalog whose folders are built as they are caught up.</param>
    /// <param name="keepFrom">
    /// A catalog whose folders were deferred (usually <paramref name="path"/> itself): its source states are carried over,
    /// and the log lines written since it was made are read as a catch-up (<see cref="DeferredFolders"/>).
    /// </param>
    /// <param name="deferred">Mark the new catalog as one whose folders are built later (<see cref="DeferredFolders"/>).</param>
    public static void Build(string path, Func<SqliteConnection, ArchiveCatalog> catalogOver, Func<ArchiveCatalog, IReadOnlyList<string>> folders,
        string? keepFrom = null, bool deferred = false)
    {
        var building = path + ".new";
        File.Delete(building); // left by a build that was killed
        try
        {
            using (var connection = Connect(building))
            {
                CatalogSchema.CreateTables(connection);
                var marked = keepFrom is null ? null : DeferredFolders.CarryInto(connection, keepFrom);
                using var catalog = catalogOver(connection);
                using (var transaction = connection.BeginTransaction())
                {
                    foreach (var folder in FolderReadAhead.Read(catalog.Paths, folders(catalog)))
                        new LogCatchUp(catalog, folder.Name).Rebuild(transaction, folder.Files, folder.Entries, () => folder.End,
                            marked?.NewLinesFrom(catalog.Paths, folder.Name));
                    CatalogSchema.CreateIndexes(connection);
                    transaction.Commit();
                }
                if (deferred) DeferredFolders.Mark(connection, catalog.Paths, catalog.ArchiveFolders());
                CatalogSchema.MarkComplete(connection);
            }
            // Written without syncs: the rows must be on disk before the complete file takes catalog.db's name.
            using (var file = new FileStream(building, FileMode.Open, FileAccess.ReadWrite)) file.Flush(flushToDisk: true);
            // The replaced catalog's write-ahead files would be read as the new file's.
            foreach (var stale in new[] { path + "-wal", path + "-shm" }) File.Delete(stale);
            File.Move(building, path, overwrite: true);
        }
        finally
        {
            File.Delete(building);
        }
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        // A 16 MiB page cache (a quarter of an open catalog's): rows are only appended, and creating the indexes
        // over 10^6 rows took no longer with 128 MiB, while a run's peak memory grew with it.
        CatalogSql.Execute(connection, null, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384;");
        return connection;
    }
}
