namespace NewsMirror.Catalog;

/// <summary>Per-source polling state in the catalog. Not in the committed files: after a fresh clone every source is simply due.</summary>
public sealed class SourceStates : ISourceStateStore
{
    private readonly ArchiveCatalog _catalog;

    internal SourceStates(ArchiveCatalog catalog) => _catalog = catalog;

    public SourceState Get(string name)
    {
        lock (_catalog.Gate)
        {
            using var command = CatalogSql.Command(_catalog.Connection, null,
                "SELECT etag, last_modified, last_success, last_error, last_failure, failures, next_poll FROM sources WHERE name = $name", ("$name", name));
            using var r = command.ExecuteReader();
            if (!r.Read()) return SourceState.Never(name);
            return new SourceState(name, Text(r, 0), Text(r, 1), Time(r, 2), Text(r, 3), Time(r, 4), r.GetInt32(5), Time(r, 6));
        }
    }

    /// <summary>A successful poll: failures reset; the validators are those of the response (null: the server gave none).</summary>
    public void RecordSuccess(string name, DateTimeOffset at, string? etag = null, string? lastModified = null, DateTimeOffset? nextPoll = null)
    {
        var previous = Get(name);
        Save(previous with { ETag = etag, LastModified = lastModified, LastSuccess = at, ConsecutiveFailures = 0, NextPoll = nextPoll });
    }

    /// <summary>A failed poll: the error is kept and counted; the last success and validators stay.</summary>
    public void RecordFailure(string name, DateTimeOffset at, string error, DateTimeOffset? nextPoll = null)
    {
        var previous = Get(name);
        Save(previous with { LastError = error, LastFailure = at, ConsecutiveFailures = previous.ConsecutiveFailures + 1, NextPoll = nextPoll });
    }

    /// <summary>Records when a scheduler will next poll the source (shown by <c>status</c>; kept across restarts).</summary>
    public void Schedule(string name, DateTimeOffset nextPoll) => Save(Get(name) with { NextPoll = nextPoll });

    private void Save(SourceState state)
    {
        lock (_catalog.Gate)
            CatalogSql.Execute(_catalog.Connection, null, """
                INSERT OR REPLACE INTO sources(name, etag, last_modified, last_success, last_error, last_failure, failures, next_poll)
                VALUES ($name, $etag, $last_modified, $last_success, $last_error, $last_failure, $failures, $next_poll)
                """,
                ("$name", state.Name), ("$etag", state.ETag), ("$last_modified", state.LastModified),
                ("$last_success", state.LastSuccess?.ToUnixTimeMilliseconds()), ("$last_error", state.LastError),
                ("$last_failure", state.LastFailure?.ToUnixTimeMilliseconds()), ("$failures", state.ConsecutiveFailures),
                ("$next_poll", state.NextPoll?.ToUnixTimeMilliseconds()));
    }

    private static string? Text(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(Microsoft.Data.Sqlite.SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
}
