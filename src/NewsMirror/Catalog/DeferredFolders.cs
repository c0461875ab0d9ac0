using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// A catalog whose article rows are not built yet: what a run makes when it finds no catalog (a fresh clone), so that
/// its identity questions are answered from the logs' tails (<see cref="LogTailRows"/>) instead of waiting for 10^6
/// rows. The file is complete and current in every other way (source states are kept in it). Its folders are built,
/// in one pass, when a question needs more than the tails or when any other command opens it; what the file alone
/// knows (source states, interrupted writes) is carried into the built file.
/// </summary>
internal static class DeferredFolders
{
    private const string Table = "deferred_folders";

    public static void Mark(SqliteConnection connection) =>
        CatalogSql.Execute(connection, null, $"CREATE TABLE {Table}(since INTEGER NOT NULL); INSERT INTO {Table} VALUES (unixepoch())");

    public static bool IsMarked(SqliteConnection connection) =>
        CatalogSql.Scalar(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name", ("$name", Table)) is not null;

    /// <summary>Copies what no committed file holds from the catalog at <paramref name="path"/> into the new one; outside any transaction.</summary>
    public static void CarryInto(SqliteConnection building, string path)
    {
        CatalogSql.Execute(building, null, "ATTACH DATABASE $path AS deferred", ("$path", path));
        try
        {
            CatalogSql.Execute(building, null, """
                INSERT INTO sources SELECT * FROM deferred.sources;
                INSERT INTO unwritten SELECT * FROM deferred.unwritten;
                """);
        }
        finally
        {
            CatalogSql.Execute(building, null, "DETACH DATABASE deferred");
        }
    }
}
