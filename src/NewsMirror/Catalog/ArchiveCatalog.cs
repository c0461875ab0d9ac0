using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Sources;

namespace NewsMirror.Catalog;

/// <summary>
/// The archive's index: <c>.newsmirror/catalog.db</c>, never committed. Every fact in it is derived from the
/// article files and the committed identity logs, so it can be deleted at any time and is rebuilt on the next
/// open; it is kept in step with the logs incrementally (see <see cref="CatchUp"/>). One connection, used by one
/// caller at a time (the run's concurrent sources take turns through <see cref="Gate"/>).
/// </summary>
public sealed class ArchiveCatalog : IDisposable
{
    public const string FileName = "catalog.db";
    /// <summary>The archive's .gitignore line for the catalog and its companion files.</summary>
    public const string IgnorePattern = ".newsmirror/catalog.db*";

    private readonly Dictionary<string, string> _sourceNames;

    /// <summary>How often each folder's rows were changed through this catalog: what a folder's held rows are checked against.</summary>
    private readonly ConcurrentDictionary<string, long> _changes = new(StringComparer.Ordinal);

    private ArchiveCatalog(ArchivePaths paths, SqliteConnection connection, Dictionary<string, string> sourceNames, IArchiveLayout layout)
    {
        Paths = paths;
        Layout = layout;
        Connection = connection;
        _sourceNames = sourceNames;
        States = new SourceStates(this);
    }

    public ArchivePaths Paths { get; }

    /// <summary>Whether opening added the catalog's line to the archive's .gitignore (a run commits that file with its own).</summary>
    public bool WroteGitIgnore { get; private init; }

    /// <summary>
    /// With the Jekyll layout every source's posts share <c>_posts/</c>; the catalog then indexes that folder as one
    /// (for search and verify), and runs decide identity from the logs and the folder listing instead.
    /// </summary>
    public IArchiveLayout Layout { get; }
    public SourceStates States { get; }

    /// <summary>Replaced (under <see cref="Gate"/>) when deferred folders are built.</summary>
    internal SqliteConnection Connection { get; private set; }
    internal object Gate { get; } = new();

    /// <summary>
    /// The folders' rows are not built yet (<see cref="DeferredFolders"/>): a run's folders answer from their logs'
    /// tails until a question needs more, which calls <see cref="BuildDeferredFolders"/>.
    /// </summary>
    public bool Deferred => _deferred;
    private volatile bool _deferred;

    /// <summary>Counts builds of deferred folders: every folder's held rows are read again after one.</summary>
    private long _builds;

    public static string PathOf(ArchivePaths paths) => Path.Combine(paths.StateFolder, FileName);

    /// <summary>Opens the catalog, building it (and the archive's .gitignore line for it) when it is missing, damaged or of another version.</summary>
    /// <param name="sources">Give folders their source's display name; folders of no source are named after themselves.</param>
    /// <param name="buildFolders">
    /// false: a new catalog starts empty and each folder is built when it is first caught up (for <c>import</c>,
    /// which writes log lines first and rebuilds every folder itself).
    /// </param>
    /// <param name="deferFolders">
    /// true (runs): a missing catalog is made without its folders' rows, and a catalog made so is kept as it is
    /// (<see cref="Deferred"/>); false: such a catalog's folders are built before it is returned.
    /// </param>
    public static ArchiveCatalog Open(ArchivePaths paths, IReadOnlyList<SourceConfig> sources, IArchiveLayout? layout = null, bool buildFolders = true,
        bool deferFolders = false)
    {
        layout ??= DutyMachineLayout.Instance;
        Directory.CreateDirectory(paths.StateFolder);
        var path = PathOf(paths);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources) names.TryAdd(source.Folder, source.Name);
        if (Usable(OpenCurrent(path), deferFolders) is { } current) return new ArchiveCatalog(paths, current, names, layout) { _deferred = DeferredFolders.IsMarked(current) };
        using (NewCatalogFile.WaitForBuildLock(path))
        {
            // Another process may have built it while this one waited.
            var found = OpenCurrent(path);
            if (Usable(found, deferFolders) is { } built) return new ArchiveCatalog(paths, built, names, layout) { _deferred = DeferredFolders.IsMarked(built) };
            // A current catalog that is not usable is one whose folders were deferred: it is built, keeping its source states.
            var keepFrom = found is null ? null : path;
            found?.Dispose();
            if (keepFrom is null)
                foreach (var stale in new[] { path, path + "-wal", path + "-shm" }) File.Delete(stale);
            NewCatalogFile.Build(path, building => new ArchiveCatalog(paths, building, names, layout),
                catalog => buildFolders && !deferFolders ? catalog.ArchiveFolders() : [], keepFrom, deferred: deferFolders && buildFolders);
        }
        return new ArchiveCatalog(paths, Connect(path), names, layout) { WroteGitIgnore = EnsureIgnored(paths), _deferred = deferFolders && buildFolders };
    }

    /// <summary>The open catalog, unless its folders were deferred and the caller needs them built (then it is closed).</summary>
    private static SqliteConnection? Usable(SqliteConnection? current, bool deferFolders)
    {
        if (current is null || deferFolders || !DeferredFolders.IsMarked(current)) return current;
        current.Dispose();
        return null;
    }

    /// <summary>
    /// Builds every folder of a catalog opened with deferred folders (in one pass, as for a missing catalog, keeping
    /// its source states); folders handed out before answer from the built rows from then on. Nothing when not deferred.
    /// </summary>
    public void BuildDeferredFolders()
    {
        if (!_deferred) return;
        lock (Gate)
        {
            if (!_deferred) return;
            var path = PathOf(Paths);
            Connection.Dispose();
            using (NewCatalogFile.WaitForBuildLock(path))
            {
                // Another process may have built it while this one waited for the lock.
                if (Usable(OpenCurrent(path), deferFolders: false) is { } built) Connection = built;
                else
                {
                    NewCatalogFile.Build(path, building => new ArchiveCatalog(Paths, building, _sourceNames, Layout),
                        catalog => catalog.ArchiveFolders(), keepFrom: File.Exists(path) ? path : null);
                    Connection = Connect(path);
                }
            }
            Interlocked.Increment(ref _builds);
            _deferred = false;
        }
    }

    /// <summary>The catalog file, if it exists and is complete and of this version.</summary>
    private static SqliteConnection? OpenCurrent(string path)
    {
        if (!File.Exists(path)) return null;
        SqliteConnection? connection = null;
        try
        {
            connection = Connect(path);
            if (HasCurrentSchema(connection)) return connection;
        }
        catch (SqliteException)
        {
            // Not a database (or a damaged one): it only held derived data, so it is made anew.
        }
        connection?.Dispose();
        return null;
    }

    public string SourceName(string folder) => _sourceNames.GetValueOrDefault(folder, folder);

    /// <summary>The folder, caught up with its identity log first.</summary>
    public CatalogFolder Folder(string folder)
    {
        CatchUp(folder);
        return new CatalogFolder(this, folder, CatalogPaths.Directory(Paths, folder));
    }

    /// <summary>
    /// Applies what the folder's log gained since the last call (reading only the new bytes), or rebuilds the
    /// folder from its log and listing when the catalog has never seen it or the log shrank or changed before that point.
    /// </summary>
    /// <remarks>With deferred folders nothing is applied: the folder's held rows are read again from its log's tail.</remarks>
    public void CatchUp(string folder)
    {
        lock (Gate)
        {
            Changing(folder);
            if (!_deferred) new LogCatchUp(this, folder).Run();
        }
    }

    /// <summary>Rebuilds the folder from its whole log and one listing of its files, whatever the catalog held.</summary>
    public void Rebuild(string folder)
    {
        BuildDeferredFolders();
        lock (Gate)
        {
            Changing(folder);
            new LogCatchUp(this, folder).Rebuild();
        }
    }

    /// <summary>The folder's change count (see <see cref="Changing"/>).</summary>
    internal long ChangesOf(string folder) => _changes.GetValueOrDefault(folder) + Interlocked.Read(ref _builds);

    /// <summary>Counted under the gate before the folder's rows change, so a reader that sees the old count has not yet waited for the gate.</summary>
    private void Changing(string folder) => _changes.AddOrUpdate(folder, 1, (_, count) => count + 1);

    /// <summary>Every folder of the archive: those with an identity log, an article folder or a Jekyll <c>_posts/</c> folder.</summary>
    public IReadOnlyList<string> ArchiveFolders()
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var logs = Paths.IdentityLogFolder;
        // A log is named after its source's folder; where sources share one folder, that name is no folder of the archive.
        if (Layout.FolderPerSource && Directory.Exists(logs))
            foreach (var log in Directory.EnumerateFiles(logs, "*.jsonl")) folders.Add(Path.GetFileNameWithoutExtension(log));
        var articles = Paths.ArticlesRoot;
        if (Directory.Exists(articles))
            foreach (var folder in Directory.EnumerateDirectories(articles)) folders.Add(Path.GetFileName(folder));
        if (Directory.Exists(Paths.PostsFolder)) folders.Add(CatalogPaths.JekyllFolder);
        return folders.ToList();
    }

    public void CatchUpAll()
    {
        foreach (var folder in ArchiveFolders()) CatchUp(folder);
    }

    public int Count(string? folder = null)
    {
        lock (Gate)
            // Two statements, not "$folder IS NULL OR ...": that form keeps SQLite from using the folder index.
            return Convert.ToInt32(folder is null
                ? CatalogSql.Scalar(Connection, "SELECT count(*) FROM articles")
                : CatalogSql.Scalar(Connection, "SELECT count(*) FROM articles WHERE folder = $folder", ("$folder", folder)));
    }

    /// <summary>Every row of a folder, by id then file name (the archive's newest-first order).</summary>
    public List<CatalogRow> Rows(string folder)
    {
        lock (Gate) return CatalogRows.Query(Connection, "WHERE folder = $folder ORDER BY id, file", ("$folder", folder));
    }

    /// <summary>
    /// The (file, link) of log lines the catalog first saw without their file: writes a stopped run began and
    /// never finished (the article is not archived; the next run archives it while its feed still carries it).
    /// </summary>
    public HashSet<(string File, string Link)> Unwritten(string folder)
    {
        lock (Gate)
        {
            using var command = CatalogSql.Command(Connection, null, "SELECT file, link FROM unwritten WHERE folder = $folder", ("$folder", folder));
            using var reader = command.ExecuteReader();
            var lines = new HashSet<(string, string)>();
            while (reader.Read()) lines.Add((reader.GetString(0), reader.GetString(1)));
            return lines;
        }
    }

    /// <summary>
    /// Records what the source gave for an article whose earlier version is not known (imported, or logged before
    /// hashes were): the baseline later revisions are compared with. Catalog only — it is not an archive event.
    /// </summary>
    public void RememberSeen(string folder, string file, string title, string seenHash)
    {
        lock (Gate)
        {
            Changing(folder);
            CatalogSql.Execute(Connection, null, "UPDATE articles SET seen_title = $title, seen_hash = $hash WHERE folder = $folder AND file = $file",
                ("$folder", folder), ("$file", file), ("$title", title), ("$hash", seenHash));
        }
    }

    public void Dispose() => Connection.Dispose();

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL + NORMAL: a crash may lose the last transactions but never corrupts; what is lost is caught up from the logs.
        // A 64 MiB page cache: indexing and searching 10^5 articles touch far more than the default 2 MiB.
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static bool HasCurrentSchema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar()) == CatalogSchema.Version;
    }

    /// <summary>The catalog is rebuilt from the files on any machine, so committing it would only grow the repository.</summary>
    private static bool EnsureIgnored(ArchivePaths paths) => ArchiveGitIgnore.Ensure(paths, [IgnorePattern]);
}
