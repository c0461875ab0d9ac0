using System.Net.Sockets;
using Npgsql;

namespace NewsMirror.Catalog.Postgres;

/// <summary>Tells a lost or unreachable server from every other database error, and words it without the password.</summary>
internal static class PostgresFaults
{
    /// <summary>Whether the error means the server is gone (refused, reset, shut down), not that a statement failed.</summary>
    public static bool IsConnectionLost(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    public static CatalogUnreachableException Unreachable(PostgresCatalogUrl url, Exception e) =>
        new($"cannot reach the catalog database at {url.Host}:{url.Port} ({url}): {PostgresCatalogUrl.RedactText(Innermost(e).Message)}", e);

    private static Exception Innermost(Exception e) => e is NpgsqlException { InnerException: { } inner } and not PostgresException ? Innermost(inner) : e;
}
