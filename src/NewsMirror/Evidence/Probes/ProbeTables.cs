using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using NewsMirror.Catalog;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// The catalog's probe tables, derived from the probe logs like the rest of the catalog: every probe
/// (<c>probes</c>), each article's folded <see cref="ArticleProbeState"/> (<c>probe_state</c>), and how much of each
/// log has been applied (<c>probe_logs</c>, with fingerprints of the applied bytes: a log that was rewritten or
/// shrank is applied anew from its start). Created on first use, so a catalog built by any version gains them.
/// </summary>
internal static class ProbeTables
{

    private static readonly ProbeStateJson Json = new(new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });

    /// <summary>Applies what the folder's probe log gained since the last call; returns the folder's states.</summary>
    public static void CatchUp(ArchiveCatalog catalog, string folder)
    {
        lock (catalog.Gate)
        {
            var connection = catalog.Connection;
            Create(connection);
            var log = ProbeLog.PathOf(catalog.Paths, folder);
            var length = File.Exists(log) ? new FileInfo(log).Length : 0;
            var applied = Applied(connection, folder);
            var fromStart = applied is null || applied.Value.Bytes > length || LogFingerprint.Of(log, applied.Value.Bytes) != (applied.Value.Head, applied.Value.Tail);
            if (!fromStart && applied!.Value.Bytes == length) return;
            var (lines, end) = ProbeLog.ReadFrom(log, fromStart ? 0 : applied!.Value.Bytes);
            using var transaction = connection.BeginTransaction();
            if (fromStart)
            {
                CatalogSql.Execute(connection, transaction, "DELETE FROM probes WHERE folder = $folder", ("$folder", folder));
                CatalogSql.Execute(connection, transaction, "DELETE FROM probe_state WHERE folder = $folder", ("$folder", folder));
            }
            var states = new Dictionary<string, ArticleProbeState>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                if (!states.TryGetValue(line.File, out var state))
                    state = fromStart ? ArticleProbeState.None : Read(connection, transaction, folder, line.File);
                states[line.File] = state.After(line);
                Insert(connection, transaction, folder, line);
            }
            foreach (var (file, state) in states) Save(connection, transaction, folder, file, state);
            var (head, tail) = LogFingerprint.Of(log, end);
            CatalogSql.Execute(connection, transaction, "INSERT OR REPLACE INTO probe_logs(folder, applied, head, tail) VALUES ($folder, $applied, $head, $tail)",
                ("$folder", folder), ("$applied", end), ("$head", head), ("$tail", tail));
            transaction.Commit();
        }
    }

    /// <summary>The folder's articles with their probe state, those archived since <paramref name="archivedSince"/> or waiting for a retry (null: all).</summary>
    public static List<(CatalogRow Row, ArticleProbeState State)> Articles(ArchiveCatalog catalog, string folder, DateTimeOffset? archivedSince)
    {
        const string Select = """
            SELECT a.folder, a.file, a.id, a.source, a.guid, a.link, a.title, a.published, a.archived, a.hash, a.seen_title, a.seen_hash, s.state
            FROM articles a LEFT JOIN probe_state s ON s.folder = a.folder AND s.file = a.file
            """;
        lock (catalog.Gate)
        {
            Create(catalog.Connection);
            var articles = new Dictionary<string, (CatalogRow, ArticleProbeState)>(StringComparer.Ordinal);
            if (archivedSince is null) Read(catalog, articles, $"{Select} WHERE a.folder = $folder", ("$folder", folder));
            else
            {
                // Two indexed queries, not one with OR: an hourly run must not read every row of a large folder.
                Read(catalog, articles, $"{Select} WHERE a.folder = $folder AND a.archived >= $since",
                    ("$folder", folder), ("$since", archivedSince.Value.ToUnixTimeMilliseconds()));
                Read(catalog, articles, """
                    SELECT a.folder, a.file, a.id, a.source, a.guid, a.link, a.title, a.published, a.archived, a.hash, a.seen_title, a.seen_hash, s.state
                    FROM probe_state s JOIN articles a ON a.folder = s.folder AND a.file = s.file
                    WHERE s.folder = $folder AND s.retry_at IS NOT NULL
                    """, ("$folder", folder));
            }
            return articles.Values.ToList();
        }
    }

    /// <summary>
    /// What <see cref="Articles"/> gives, for a catalog whose folders are deferred: the rows from the end of the folder's
    /// identity log (<see cref="LogWindowRows"/>), the states from the probe tables. Articles archived after
    /// <paramref name="dueBy"/> without a probe state are left out when the log allows it (none of them is due).
    /// </summary>
    public static List<(CatalogRow Row, ArticleProbeState State)> ArticlesFromLog(ArchiveCatalog catalog, string folder, DateTimeOffset archivedSince, DateTimeOffset dueBy)
    {
        var states = States(catalog, folder).ToDictionary(s => s.File, s => s.State, StringComparer.Ordinal);
        var retrying = states.Where(s => s.Value.RetryAt is not null).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var since = archivedSince.ToUnixTimeMilliseconds();
        return LogWindowRows.Read(catalog, folder, archivedSince, dueBy, retrying)
            .Select(row => (Row: row, State: states.GetValueOrDefault(row.File, ArticleProbeState.None)))
            .Where(a => a.Row.Archived?.ToUnixTimeMilliseconds() >= since || a.State.RetryAt is not null)
            .ToList();
    }

    /// <summary>
    /// What <see cref="WithFinal"/> gives, for a catalog whose folders are deferred: the states from the probe tables,
    /// each article's row from the end of its folder's identity log (read back to the oldest such article).
    /// </summary>
    public static List<(CatalogRow Row, ArticleProbeState State)> WithFinalFromLog(ArchiveCatalog catalog, IReadOnlyList<string> outcomes, string? folder)
    {
        var finals = new Dictionary<string, Dictionary<string, ArticleProbeState>>(StringComparer.Ordinal);
        lock (catalog.Gate)
        {
            Create(catalog.Connection);
            var inList = string.Join(", ", outcomes.Select((_, i) => "$o" + i));
            var parameters = outcomes.Select((o, i) => ("$o" + i, (object?)o)).Append(("$folder", folder)).ToArray();
            using var command = CatalogSql.Command(catalog.Connection, null,
                $"SELECT folder, file, state FROM probe_state WHERE final IN ({inList}) {(folder is null ? "" : "AND folder = $folder")}", parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!finals.TryGetValue(reader.GetString(0), out var ofFolder)) finals[reader.GetString(0)] = ofFolder = new(StringComparer.Ordinal);
                ofFolder[reader.GetString(1)] = Parse(reader.GetString(2));
            }
        }
        var articles = new List<(CatalogRow, ArticleProbeState)>();
        foreach (var (logged, states) in finals)
            foreach (var row in LogWindowRows.Read(catalog, logged, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue, states.Keys.ToHashSet(StringComparer.Ordinal)))
                articles.Add((row, states[row.File]));
        return articles;
    }

    private static void Read(ArchiveCatalog catalog, Dictionary<string, (CatalogRow, ArticleProbeState)> into, string sql, params (string, object?)[] parameters)
    {
        using var command = CatalogSql.Command(catalog.Connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = CatalogRows.Read(reader);
            into.TryAdd(row.File, (row, reader.IsDBNull(12) ? ArticleProbeState.None : Parse(reader.GetString(12))));
        }
    }

    /// <summary>Articles whose final verdict in force is <paramref name="outcomes"/>, with their state.</summary>
    public static List<(CatalogRow Row, ArticleProbeState State)> WithFinal(ArchiveCatalog catalog, IReadOnlyList<string> outcomes, string? folder)
    {
        lock (catalog.Gate)
        {
            Create(catalog.Connection);
            var inList = string.Join(", ", outcomes.Select((_, i) => "$o" + i));
            var parameters = outcomes.Select((o, i) => ("$o" + i, (object?)o)).Append(("$folder", folder)).ToArray();
            using var command = CatalogSql.Command(catalog.Connection, null, $"""
                SELECT a.folder, a.file, a.id, a.source, a.guid, a.link, a.title, a.published, a.archived, a.hash, a.seen_title, a.seen_hash, s.state
                FROM probe_state s JOIN articles a ON a.folder = s.folder AND a.file = s.file
                WHERE s.final IN ({inList}) {(folder is null ? "" : "AND s.folder = $folder")}
                """, parameters);
            using var reader = command.ExecuteReader();
            var articles = new List<(CatalogRow, ArticleProbeState)>();
            while (reader.Read()) articles.Add((CatalogRows.Read(reader), Parse(reader.GetString(12))));
            return articles;
        }
    }

    /// <summary>How many probes the catalog holds for the folder (all folders: null).</summary>
    public static long Count(ArchiveCatalog catalog, string? folder = null)
    {
        lock (catalog.Gate)
        {
            Create(catalog.Connection);
            return Convert.ToInt64(folder is null
                ? CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM probes")
                : CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM probes WHERE folder = $folder", ("$folder", folder)));
        }
    }

    /// <summary>The folder's probes, oldest first.</summary>
    public static List<ProbeRecord> Probes(ArchiveCatalog catalog, string folder)
    {
        lock (catalog.Gate)
        {
            Create(catalog.Connection);
            using var command = CatalogSql.Command(catalog.Connection, null, """
                SELECT file, at, outcome, final, status, target, redirect, warc, similarity, notice, digest FROM probes WHERE folder = $folder ORDER BY at, rowid
                """, ("$folder", folder));
            using var r = command.ExecuteReader();
            var probes = new List<ProbeRecord>();
            while (r.Read())
                probes.Add(new ProbeRecord(r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.GetInt64(3) != 0,
                    r.IsDBNull(4) ? null : r.GetInt32(4), Text(r, 5), Text(r, 6), Text(r, 7), r.IsDBNull(8) ? null : r.GetDouble(8), Text(r, 9), Text(r, 10)));
            return probes;
        }
    }

    /// <summary>Each probed article of the folder with its folded state, by file name.</summary>
    public static List<(string File, ArticleProbeState State)> States(ArchiveCatalog catalog, string folder)
    {
        lock (catalog.Gate)
        {
            Create(catalog.Connection);
            using var command = CatalogSql.Command(catalog.Connection, null, "SELECT file, state FROM probe_state WHERE folder = $folder ORDER BY file", ("$folder", folder));
            using var r = command.ExecuteReader();
            var states = new List<(string, ArticleProbeState)>();
            while (r.Read()) states.Add((r.GetString(0), Parse(r.GetString(1))));
            return states;
        }
    }

    /// <summary>A state as the probe_state tables keep it (JSON).</summary>
    public static string ToJson(ArticleProbeState state) => JsonSerializer.Serialize(state, Json.ArticleProbeState);

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static void Create(SqliteConnection connection) => CatalogSql.Execute(connection, null, """
        CREATE TABLE IF NOT EXISTS probes(
            folder TEXT NOT NULL, file TEXT NOT NULL, at INTEGER NOT NULL, outcome TEXT NOT NULL, final INTEGER NOT NULL,
            status INTEGER, target TEXT, redirect TEXT, warc TEXT, similarity REAL, notice TEXT, digest TEXT);
        CREATE INDEX IF NOT EXISTS probes_file ON probes(folder, file);
        CREATE TABLE IF NOT EXISTS probe_state(
            folder TEXT NOT NULL, file TEXT NOT NULL, final TEXT, retry_at INTEGER, state TEXT NOT NULL, PRIMARY KEY(folder, file));
        CREATE INDEX IF NOT EXISTS probe_state_final ON probe_state(final) WHERE final IS NOT NULL;
        CREATE TABLE IF NOT EXISTS probe_logs(folder TEXT PRIMARY KEY, applied INTEGER NOT NULL, head TEXT NOT NULL, tail TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS probe_state_retry ON probe_state(folder) WHERE retry_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_archived ON articles(folder, archived);
        """);

    private static (long Bytes, string Head, string Tail)? Applied(SqliteConnection connection, string folder)
    {
        using var command = CatalogSql.Command(connection, null, "SELECT applied, head, tail FROM probe_logs WHERE folder = $folder", ("$folder", folder));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    private static ArticleProbeState Read(SqliteConnection connection, SqliteTransaction transaction, string folder, string file)
    {
        using var command = CatalogSql.Command(connection, transaction, "SELECT state FROM probe_state WHERE folder = $folder AND file = $file",
            ("$folder", folder), ("$file", file));
        return command.ExecuteScalar() is string state ? Parse(state) : ArticleProbeState.None;
    }

    private static void Save(SqliteConnection connection, SqliteTransaction transaction, string folder, string file, ArticleProbeState state) =>
        CatalogSql.Execute(connection, transaction, """
            INSERT OR REPLACE INTO probe_state(folder, file, final, retry_at, state) VALUES ($folder, $file, $final, $retry, $state)
            """, ("$folder", folder), ("$file", file), ("$final", state.FinalOutcome), ("$retry", state.RetryAt?.ToUnixTimeMilliseconds()),
            ("$state", ToJson(state)));

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string folder, ProbeLogLine line) =>
        CatalogSql.Execute(connection, transaction, """
            INSERT INTO probes(folder, file, at, outcome, final, status, target, redirect, warc, similarity, notice, digest)
            VALUES ($folder, $file, $at, $outcome, $final, $status, $target, $redirect, $warc, $similarity, $notice, $digest)
            """, ("$folder", folder), ("$file", line.File), ("$at", line.At.ToUnixTimeMilliseconds()), ("$outcome", line.Outcome),
            ("$final", line.Final ? 1 : 0), ("$status", line.Status), ("$target", line.Target), ("$redirect", line.Redirect), ("$warc", line.Warc),
            ("$similarity", line.Similarity), ("$notice", line.Notice), ("$digest", line.Digest));

    public static ArticleProbeState Parse(string state) => JsonSerializer.Deserialize(state, Json.ArticleProbeState) ?? ArticleProbeState.None;
}

[JsonSerializable(typeof(ArticleProbeState))]
internal sealed partial class ProbeStateJson : JsonSerializerContext;
