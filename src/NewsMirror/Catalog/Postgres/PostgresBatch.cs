using Npgsql;
using NewsMirror.Identity;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// One claimed batch of sources, as one transaction: the identities its sources add are inserted as they are written
/// (the unique constraints stop a second copy even when two workers race: the later insert waits for the earlier
/// transaction and then fails), and the sources' states and next polls are written by <see cref="CommitAsync"/>,
/// after the archive's push. A batch that is not committed leaves the shared catalog as it was.
/// Identity questions are answered by the clone's local index (caught up with the committed logs), then by the
/// shared table for what another clone archived.
/// </summary>
public sealed class PostgresBatch : IRunCatalog, IPostgresScope, IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ArchiveCatalog _local;
    private readonly string _worker;
    private readonly Lock _gate = new();
    private readonly PostgresCatalogUrl _url;

    private PostgresBatch(PostgresCatalogUrl url, NpgsqlConnection connection, NpgsqlTransaction transaction, ArchiveCatalog local, string worker, BatchSourceStates states)
    {
        _url = url;
        _connection = connection;
        _transaction = transaction;
        _local = local;
        _worker = worker;
        BatchStates = states;
    }

    /// <summary>The first database error the batch met: once set, the batch can only be abandoned.</summary>
    public Exception? Fault { get; private set; }

    public ISourceStateStore States => BatchStates;
    public BatchSourceStates BatchStates { get; }

    internal static async Task<PostgresBatch> BeginAsync(PostgresCatalogUrl url, ArchiveCatalog local, string worker, IReadOnlyList<string> names, CancellationToken cancel)
    {
        var connection = await PostgresCatalog.ConnectAsync(url, cancel);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancel);
            var states = await BatchSourceStates.LoadAsync(connection, transaction, names, cancel);
            return new PostgresBatch(url, connection, transaction, local, worker, states);
        }
        catch (Exception e) when (PostgresFaults.IsConnectionLost(e))
        {
            await connection.DisposeAsync();
            throw PostgresFaults.Unreachable(url, e);
        }
    }

    /// <summary>Adds what the folder's committed log holds and the shared table lacks (a worker stopped after its push, before its commit).</summary>
    public async Task ImportLogAsync(string folder, string logPath, CancellationToken cancel)
    {
        try { await PostgresIdentities.ImportLogAsync(_connection, _transaction, folder, logPath, cancel); }
        catch (Exception e) when (e is NpgsqlException)
        {
            Fault ??= e;
            throw PostgresFaults.IsConnectionLost(e) ? PostgresFaults.Unreachable(_url, e) : e;
        }
    }

    public IArchiveFolder Folder(string folder) => new PostgresFolder(this, _local.Folder(folder));

    public CatalogFolder? Indexed(IArchiveFolder folder) => (folder as PostgresFolder)?.Local;

    /// <summary>Writes the sources' states and next polls, gives their leases back, and commits the batch's identities.</summary>
    /// <exception cref="CatalogUnreachableException">The server was lost: nothing of the batch is recorded.</exception>
    public async Task CommitAsync(IReadOnlyDictionary<string, DateTimeOffset> nextPolls, CancellationToken cancel)
    {
        if (Fault is not null) throw new InvalidOperationException("a faulted batch cannot be committed", Fault);
        try
        {
            await BatchStates.SaveAsync(_connection, _transaction, _worker, nextPolls, cancel);
            await _transaction.CommitAsync(cancel);
        }
        catch (Exception e) when (PostgresFaults.IsConnectionLost(e))
        {
            Fault ??= e;
            throw PostgresFaults.Unreachable(_url, e);
        }
    }

    /// <summary>Runs <paramref name="work"/> in the batch's transaction: what it writes is recorded only if the batch commits.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancel)
    {
        if (Fault is not null) throw new CatalogUnreachableException("the catalog batch was abandoned after an earlier error", Fault);
        try { return await work(_connection, _transaction); }
        catch (Exception e) when (e is NpgsqlException)
        {
            // A failed statement aborts the transaction: the batch is abandoned, whatever the error was.
            Fault ??= e;
            throw PostgresFaults.IsConnectionLost(e) ? PostgresFaults.Unreachable(_url, e) : e;
        }
    }

    internal T Query<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> query)
    {
        lock (_gate)
        {
            if (Fault is not null) throw new CatalogUnreachableException("the catalog batch was abandoned after an earlier error", Fault);
            try { return query(_connection, _transaction); }
            catch (NpgsqlException e)
            {
                // A failed statement aborts the transaction: the batch is abandoned, whatever the error was.
                Fault = e;
                throw PostgresFaults.IsConnectionLost(e) ? PostgresFaults.Unreachable(_url, e) : e;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _transaction.DisposeAsync(); }
        catch (Exception e) when (PostgresFaults.IsConnectionLost(e)) { /* the server is gone: it rolled back itself */ }
        await _connection.DisposeAsync();
    }
}
