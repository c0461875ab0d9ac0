using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>One-off statements with named parameters (null becomes SQL NULL); callers hold the catalog's gate.</summary>
internal static class CatalogSql
{
    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        return command.ExecuteScalar();
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        // CreateCommand enlists the command in the connection's open transaction; only an explicit one replaces it.
        var command = connection.CreateCommand();
        if (transaction is not null) command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
