using Npgsql;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// Where statements against the shared catalog run: a claimed batch's transaction (<see cref="PostgresBatch"/>,
/// committed after the batch's push) or a transaction of their own (<see cref="PostgresCatalog"/>, committed at once).
/// A lost server becomes <see cref="CatalogUnreachableException"/> either way.
/// </summary>
public interface IPostgresScope
{
    Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancel);
}
