using Npgsql;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// The claimed sources' polling states, read when the batch begins and held in memory while it runs; written
/// with their next polls only when the batch commits, so a batch abandoned halfway records no poll at all.
/// </summary>
public sealed class BatchSourceStates : ISourceStateStore
{
    private readonly Dictionary<string, SourceState> _states;
    private readonly Lock _gate = new();

    private BatchSourceStates(Dictionary<string, SourceState> states) => _states = states;

    internal static async Task<BatchSourceStates> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> names, CancellationToken cancel)
    {
        var states = names.ToDictionary(n => n, SourceState.Never, StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT name, etag, last_modified, last_success, last_error, last_failure, failures FROM sources WHERE name = ANY(@names)", connection, transaction);
        command.Parameters.AddWithValue("names", names.ToArray());
        await using var r = await command.ExecuteReaderAsync(cancel);
        while (await r.ReadAsync(cancel))
        {
            var name = r.GetString(0);
            states[name] = new SourceState(name, Text(r, 1), Text(r, 2), PostgresCatalog.Time(r, 3), Text(r, 4), PostgresCatalog.Time(r, 5), r.GetInt32(6), null);
        }
        return new BatchSourceStates(states);
    }

    public SourceState Get(string name)
    {
        lock (_gate) return _states.TryGetValue(name, out var state) ? state : SourceState.Never(name);
    }

    public void RecordSuccess(string name, DateTimeOffset at, string? etag = null, string? lastModified = null, DateTimeOffset? nextPoll = null)
    {
        lock (_gate) _states[name] = Get(name) with { ETag = etag, LastModified = lastModified, LastSuccess = at, ConsecutiveFailures = 0, NextPoll = nextPoll };
    }

    public void RecordFailure(string name, DateTimeOffset at, string error, DateTimeOffset? nextPoll = null)
    {
        lock (_gate)
        {
            var previous = Get(name);
            _states[name] = previous with { LastError = error, LastFailure = at, ConsecutiveFailures = previous.ConsecutiveFailures + 1, NextPoll = nextPoll };
        }
    }

    /// <summary>Each state as it stands, with its next poll; the worker's lease on it given back.</summary>
    internal async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string worker, IReadOnlyDictionary<string, DateTimeOffset> nextPolls, CancellationToken cancel)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        lock (_gate)
            foreach (var state in _states.Values)
            {
                var command = new NpgsqlBatchCommand("""
                    UPDATE sources SET etag = @etag, last_modified = @last_modified, last_success = @last_success, last_error = @last_error,
                        last_failure = @last_failure, failures = @failures, next_poll = @next_poll, owner = NULL, lease_until = NULL
                    WHERE name = @name AND (owner = @worker OR owner IS NULL)
                    """);
                command.Parameters.AddWithValue("name", state.Name);
                command.Parameters.AddWithValue("worker", worker);
                command.Parameters.AddWithValue("etag", (object?)state.ETag ?? DBNull.Value);
                command.Parameters.AddWithValue("last_modified", (object?)state.LastModified ?? DBNull.Value);
                command.Parameters.AddWithValue("last_success", (object?)state.LastSuccess ?? DBNull.Value);
                command.Parameters.AddWithValue("last_error", (object?)state.LastError ?? DBNull.Value);
                command.Parameters.AddWithValue("last_failure", (object?)state.LastFailure ?? DBNull.Value);
                command.Parameters.AddWithValue("failures", state.ConsecutiveFailures);
                command.Parameters.AddWithValue("next_poll", nextPolls.TryGetValue(state.Name, out var next) ? next : DateTimeOffset.UtcNow);
                batch.BatchCommands.Add(command);
            }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancel);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
