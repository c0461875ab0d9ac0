using Npgsql;
using NewsMirror.Catalog;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Evidence.Probes;

namespace NewsMirror.Evidence.History;

/// <summary>
/// A fleet's shared catalog: its <c>revisions</c>, <c>probes</c> and <c>probe_state</c> tables. They are filled from
/// the clone's local catalog once that has caught up with the committed logs, so both catalogs hold what the one
/// fold of the logs gives; rows are keyed by folder, file and time, so filling twice (two clones, a batch done again)
/// adds nothing. In a worker's <see cref="PostgresBatch"/> they are recorded only if the batch commits.
/// </summary>
public sealed class PostgresArticleHistory(ArchiveCatalog local, IPostgresScope scope) : IArticleHistoryStore
{
    public async Task<HistoryAdded> CatchUpAsync(string folder, CancellationToken cancel)
    {
        await new LocalArticleHistory(local).CatchUpAsync(folder, cancel);
        var (revisionCount, probeCount) = (Revisions.Count(local, folder), ProbeTables.Count(local, folder));
        return await scope.RunAsync(async (c, t) =>
        {
            // Every row already there (the usual case of a claimed folder): nothing is read or written.
            var revisions = await CountAsync(c, t, "SELECT count(*) FROM revisions WHERE folder = @folder", folder, cancel) < revisionCount
                ? await InsertAsync(c, t, Revisions.OfFolder(local, folder), r => RevisionCommand(folder, r), cancel) : 0;
            if (await CountAsync(c, t, "SELECT count(*) FROM probes WHERE folder = @folder", folder, cancel) >= probeCount)
                return new HistoryAdded(revisions, 0);
            var probes = await InsertAsync(c, t, ProbeTables.Probes(local, folder), p => ProbeCommand(folder, p), cancel);
            await InsertAsync(c, t, ProbeTables.States(local, folder), s => StateCommand(folder, new ArticleVerdict(s.File, s.State)), cancel);
            return new HistoryAdded(revisions, probes);
        }, cancel);
    }

    public Task<FolderHistory> ReadAsync(string folder, CancellationToken cancel) => scope.RunAsync(async (c, t) =>
    {
        var revisions = new List<ArticleRevision>();
        await using (var command = Command(c, t, "SELECT file, at, action, old_title, new_title, old_hash, new_hash FROM revisions WHERE folder = @folder ORDER BY at, file, action", folder))
        await using (var r = await command.ExecuteReaderAsync(cancel))
            while (await r.ReadAsync(cancel))
                revisions.Add(new ArticleRevision(folder, r.GetString(0), Time(r, 1)!.Value, r.GetString(2), Text(r, 3), r.GetString(4), Text(r, 5), Text(r, 6)));
        var probes = new List<ProbeRecord>();
        await using (var command = Command(c, t, "SELECT file, at, outcome, final, status, target, redirect, warc, similarity, notice, digest FROM probes WHERE folder = @folder ORDER BY at, file", folder))
        await using (var r = await command.ExecuteReaderAsync(cancel))
            while (await r.ReadAsync(cancel))
                probes.Add(new ProbeRecord(r.GetString(0), Time(r, 1)!.Value, r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetInt32(4),
                    Text(r, 5), Text(r, 6), Text(r, 7), r.IsDBNull(8) ? null : r.GetDouble(8), Text(r, 9), Text(r, 10)));
        var verdicts = new List<ArticleVerdict>();
        await using (var command = Command(c, t, "SELECT file, state FROM probe_state WHERE folder = @folder ORDER BY file", folder))
        await using (var r = await command.ExecuteReaderAsync(cancel))
            while (await r.ReadAsync(cancel)) verdicts.Add(new ArticleVerdict(r.GetString(0), ProbeTables.Parse(r.GetString(1))));
        return new FolderHistory(revisions, probes, verdicts);
    }, cancel);

    /// <summary>Per folder, how many revisions the shared catalog holds and how many articles have a final removal verdict (for <c>status</c>).</summary>
    public static Task<Dictionary<string, (long Revisions, long Removals)>> CountsAsync(IPostgresScope scope, CancellationToken cancel) => scope.RunAsync(async (c, t) =>
    {
        await using var command = new NpgsqlCommand("""
            SELECT folder, coalesce(r.n, 0), coalesce(p.n, 0)
            FROM (SELECT DISTINCT folder FROM sources) f
            LEFT JOIN (SELECT folder, count(*) AS n FROM revisions GROUP BY folder) r USING (folder)
            LEFT JOIN (SELECT folder, count(*) AS n FROM probe_state WHERE final = ANY(@removals) GROUP BY folder) p USING (folder)
            """, c, t);
        command.Parameters.AddWithValue("removals", ProbeOutcomes.Removals);
        var counts = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var r = await command.ExecuteReaderAsync(cancel);
        while (await r.ReadAsync(cancel)) counts[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2));
        return counts;
    }, cancel);

    private static NpgsqlBatchCommand RevisionCommand(string folder, ArticleRevision revision) => Batched("""
        INSERT INTO revisions(folder, file, at, action, old_title, new_title, old_hash, new_hash)
        VALUES (@folder, @file, @at, @action, @old_title, @new_title, @old_hash, @new_hash) ON CONFLICT DO NOTHING
        """, ("folder", folder), ("file", revision.File), ("at", revision.At.ToUniversalTime()), ("action", revision.Action),
        ("old_title", revision.OldTitle), ("new_title", revision.NewTitle), ("old_hash", revision.OldHash), ("new_hash", revision.NewHash));

    private static NpgsqlBatchCommand ProbeCommand(string folder, ProbeRecord probe) => Batched("""
        INSERT INTO probes(folder, file, at, outcome, final, status, target, redirect, warc, similarity, notice, digest)
        VALUES (@folder, @file, @at, @outcome, @final, @status, @target, @redirect, @warc, @similarity, @notice, @digest) ON CONFLICT DO NOTHING
        """, ("folder", folder), ("file", probe.File), ("at", probe.At.ToUniversalTime()), ("outcome", probe.Outcome), ("final", probe.Final),
        ("status", probe.Status), ("target", probe.Target), ("redirect", probe.Redirect), ("warc", probe.Warc), ("similarity", probe.Similarity),
        ("notice", probe.Notice), ("digest", probe.Digest));

    /// <summary>A state replaces the one there only if it folds as many probes or more: a clone behind never takes the catalog back.</summary>
    private static NpgsqlBatchCommand StateCommand(string folder, ArticleVerdict verdict) => Batched("""
        INSERT INTO probe_state(folder, file, final, final_at, last_at, retry_at, probes, state)
        VALUES (@folder, @file, @final, @final_at, @last_at, @retry_at, @probes, @state)
        ON CONFLICT (folder, file) DO UPDATE SET final = excluded.final, final_at = excluded.final_at, last_at = excluded.last_at,
            retry_at = excluded.retry_at, probes = excluded.probes, state = excluded.state
        WHERE probe_state.probes <= excluded.probes
        """, ("folder", folder), ("file", verdict.File), ("final", verdict.State.FinalOutcome), ("final_at", verdict.State.FinalAt?.ToUniversalTime()),
        ("last_at", verdict.State.LastAt?.ToUniversalTime()), ("retry_at", verdict.State.RetryAt?.ToUniversalTime()), ("probes", verdict.State.Probes),
        ("state", ProbeTables.ToJson(verdict.State)));

    private static async Task<long> InsertAsync<T>(NpgsqlConnection c, NpgsqlTransaction t, IReadOnlyList<T> rows, Func<T, NpgsqlBatchCommand> command, CancellationToken cancel)
    {
        long added = 0;
        foreach (var chunk in rows.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(c, t);
            foreach (var row in chunk) batch.BatchCommands.Add(command(row));
            added += await batch.ExecuteNonQueryAsync(cancel);
        }
        return added;
    }

    private static NpgsqlBatchCommand Batched(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        return command;
    }

    private static async Task<long> CountAsync(NpgsqlConnection c, NpgsqlTransaction t, string sql, string folder, CancellationToken cancel)
    {
        await using var command = Command(c, t, sql, folder);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancel));
    }

    private static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction t, string sql, string folder)
    {
        var command = new NpgsqlCommand(sql, c, t);
        command.Parameters.AddWithValue("folder", folder);
        return command;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
