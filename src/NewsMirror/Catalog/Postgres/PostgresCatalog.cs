using Npgsql;
using NewsMirror.Sources;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// The shared catalog of a fleet of workers in PostgreSQL: sources with their leases and poll schedule, every
/// folder's identities (unique per folder: one copy of an article, one article per id) and the workers seen.
/// This connection claims and renews leases; each claimed batch runs in its own <see cref="PostgresBatch"/>.
/// </summary>
public sealed class PostgresCatalog : IPostgresScope, IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PostgresCatalog(PostgresCatalogUrl url, NpgsqlConnection connection)
    {
        Url = url;
        _connection = connection;
    }

    public PostgresCatalogUrl Url { get; }

    /// <summary>Connects and checks the schema version.</summary>
    /// <param name="migrate">Bring the schema up to date instead of refusing an old one (<c>catalog migrate</c>).</param>
    /// <exception cref="CatalogUnreachableException">The server could not be reached.</exception>
    /// <exception cref="CatalogSchemaException">The schema is not this version's (and <paramref name="migrate"/> is false).</exception>
    public static async Task<PostgresCatalog> OpenAsync(PostgresCatalogUrl url, bool migrate, CancellationToken cancel)
    {
        var connection = await ConnectAsync(url, cancel);
        try
        {
            var version = await PostgresMigrations.VersionAsync(connection, cancel);
            if (migrate) await PostgresMigrations.MigrateAsync(connection, cancel);
            else if (version != PostgresMigrations.Latest)
                throw new CatalogSchemaException(version < PostgresMigrations.Latest
                    ? $"the catalog at {url} has schema version {version}, this NewsMirror needs {PostgresMigrations.Latest}: run `newsmirror catalog migrate --catalog {url}`"
                    : $"the catalog at {url} has schema version {version}, newer than this NewsMirror knows ({PostgresMigrations.Latest}): upgrade NewsMirror");
            return new PostgresCatalog(url, connection);
        }
        catch (Exception e) when (PostgresFaults.IsConnectionLost(e) && e is not CatalogSchemaException)
        {
            await connection.DisposeAsync();
            throw PostgresFaults.Unreachable(url, e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static async Task<NpgsqlConnection> ConnectAsync(PostgresCatalogUrl url, CancellationToken cancel)
    {
        var connection = new NpgsqlConnection(url.ConnectionString());
        try
        {
            await connection.OpenAsync(cancel);
            return connection;
        }
        catch (Exception e) when (PostgresFaults.IsConnectionLost(e))
        {
            await connection.DisposeAsync();
            throw PostgresFaults.Unreachable(url, e);
        }
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancel) => await Guarded(() => PostgresMigrations.VersionAsync(_connection, cancel));

    /// <summary>Adds the configured sources the catalog lacks (due at once) and keeps each one's folder current.</summary>
    public Task RegisterSourcesAsync(IReadOnlyList<SourceConfig> sources, CancellationToken cancel) => Guarded<int>(async () =>
    {
        await using var batch = new NpgsqlBatch(_connection);
        foreach (var source in sources.Where(s => s.Enabled))
        {
            var command = new NpgsqlBatchCommand("INSERT INTO sources(name, folder) VALUES (@name, @folder) ON CONFLICT (name) DO UPDATE SET folder = excluded.folder WHERE sources.folder <> excluded.folder");
            command.Parameters.AddWithValue("name", source.Name);
            command.Parameters.AddWithValue("folder", source.Folder);
            batch.BatchCommands.Add(command);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancel);
        return 0;
    });

    /// <summary>Records that the worker is alive (status shows the workers seen in the last hour).</summary>
    public Task HeartbeatAsync(string worker, DateTimeOffset started, CancellationToken cancel) => Guarded(() => ExecuteAsync(
        "INSERT INTO workers(name, started, last_seen) VALUES (@worker, @started, now()) ON CONFLICT (name) DO UPDATE SET last_seen = now(), started = excluded.started",
        cancel, ("worker", worker), ("started", started)));

    /// <summary>
    /// Takes up to <paramref name="max"/> due sources whose lease is free or expired, for <paramref name="lease"/>.
    /// SKIP LOCKED: workers claiming at the same moment each get other sources, none waits for another.
    /// </summary>
    public Task<List<string>> ClaimAsync(string worker, TimeSpan lease, int max, IReadOnlyCollection<string> configured, CancellationToken cancel) => Guarded(async () =>
    {
        await using var command = new NpgsqlCommand("""
            UPDATE sources SET owner = @worker, lease_until = now() + @lease
            WHERE name IN (
                SELECT name FROM sources
                WHERE next_poll <= now() AND (lease_until IS NULL OR lease_until < now()) AND name = ANY(@configured)
                ORDER BY next_poll, name
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING name
            """, _connection);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("max", max);
        command.Parameters.AddWithValue("configured", configured.ToArray());
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel)) names.Add(reader.GetString(0));
        names.Sort(StringComparer.Ordinal);
        return names;
    });

    /// <summary>Extends the worker's leases on <paramref name="names"/>; returns how many it still held.</summary>
    public Task<int> RenewAsync(string worker, IReadOnlyCollection<string> names, TimeSpan lease, CancellationToken cancel) => Guarded(() => ExecuteAsync(
        "UPDATE sources SET lease_until = now() + @lease WHERE owner = @worker AND name = ANY(@names)",
        cancel, ("worker", worker), ("names", names.ToArray()), ("lease", lease)));

    /// <summary>Gives the sources back at once (their batch was abandoned), due again now.</summary>
    public Task<int> ReleaseAsync(string worker, IReadOnlyCollection<string> names, CancellationToken cancel) => Guarded(() => ExecuteAsync(
        "UPDATE sources SET owner = NULL, lease_until = NULL WHERE owner = @worker AND name = ANY(@names)",
        cancel, ("worker", worker), ("names", names.ToArray())));

    /// <summary>When the next configured source is due (null: no source at all).</summary>
    public Task<DateTimeOffset?> NextDueAsync(IReadOnlyCollection<string> configured, CancellationToken cancel) => Guarded(async () =>
    {
        await using var command = new NpgsqlCommand("SELECT min(greatest(next_poll, coalesce(lease_until, next_poll))) FROM sources WHERE name = ANY(@configured)", _connection);
        command.Parameters.AddWithValue("configured", configured.ToArray());
        return await command.ExecuteScalarAsync(cancel) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : (DateTimeOffset?)null;
    });

    /// <summary>How many configured sources are due, whoever holds them (a dead worker's come back when its lease ends).</summary>
    public Task<long> DueCountAsync(IReadOnlyCollection<string> configured, CancellationToken cancel) => Guarded(async () =>
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM sources WHERE next_poll <= now() AND name = ANY(@configured)", _connection);
        command.Parameters.AddWithValue("configured", configured.ToArray());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancel));
    });

    /// <summary>Opens the transaction of one claimed batch (its own connection).</summary>
    public async Task<PostgresBatch> BeginBatchAsync(ArchiveCatalog local, string worker, IReadOnlyList<string> names, CancellationToken cancel) =>
        await PostgresBatch.BeginAsync(Url, local, worker, names, cancel);

    public Task<List<FleetSourceStatus>> SourcesAsync(CancellationToken cancel) => Guarded(async () =>
    {
        await using var command = new NpgsqlCommand(
            "SELECT name, folder, owner, lease_until, next_poll, last_success, last_error, last_failure, failures FROM sources ORDER BY name", _connection);
        await using var r = await command.ExecuteReaderAsync(cancel);
        var list = new List<FleetSourceStatus>();
        while (await r.ReadAsync(cancel))
            list.Add(new FleetSourceStatus(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Time(r, 3), Time(r, 4)!.Value,
                Time(r, 5), r.IsDBNull(6) ? null : r.GetString(6), Time(r, 7), r.GetInt32(8)));
        return list;
    });

    public Task<List<FleetWorkerSeen>> WorkersSeenAsync(TimeSpan within, CancellationToken cancel) => Guarded(async () =>
    {
        await using var command = new NpgsqlCommand("SELECT name, started, last_seen FROM workers WHERE last_seen > now() - @within ORDER BY name", _connection);
        command.Parameters.AddWithValue("within", within);
        await using var r = await command.ExecuteReaderAsync(cancel);
        var list = new List<FleetWorkerSeen>();
        while (await r.ReadAsync(cancel)) list.Add(new FleetWorkerSeen(r.GetString(0), Time(r, 1)!.Value, Time(r, 2)!.Value));
        return list;
    });

    /// <summary>How many identities the catalog holds for the folder (all folders: null).</summary>
    public Task<long> IdentityCountAsync(string? folder, CancellationToken cancel) => Guarded(async () =>
    {
        await using var command = new NpgsqlCommand(folder is null ? "SELECT count(*) FROM identities" : "SELECT count(*) FROM identities WHERE folder = @folder", _connection);
        if (folder is not null) command.Parameters.AddWithValue("folder", folder);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancel));
    });

    /// <summary>Fills the folder's identities from its committed identity log (what is there already stays).</summary>
    /// <returns>How many identities were added.</returns>
    public Task<int> ImportLogAsync(string folder, string logPath, CancellationToken cancel) => Guarded<int>(async () =>
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancel);
        var added = await PostgresIdentities.ImportLogAsync(_connection, transaction, folder, logPath, cancel);
        await transaction.CommitAsync(cancel);
        return added;
    });

    /// <summary>Runs <paramref name="work"/> in a transaction of its own on this connection, committed when it returns.</summary>
    public Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancel) => Guarded(async () =>
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancel);
        var result = await work(_connection, transaction);
        await transaction.CommitAsync(cancel);
        return result;
    });

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancel, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>One statement at a time on the one connection; a lost server becomes <see cref="CatalogUnreachableException"/>.</summary>
    private async Task<T> Guarded<T>(Func<Task<T>> action)
    {
        await _gate.WaitAsync();
        try { return await action(); }
        catch (Exception e) when (PostgresFaults.IsConnectionLost(e))
        {
            throw PostgresFaults.Unreachable(Url, e);
        }
        finally { _gate.Release(); }
    }

    internal static DateTimeOffset? Time(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(r.GetDateTime(i).ToUniversalTime(), TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
