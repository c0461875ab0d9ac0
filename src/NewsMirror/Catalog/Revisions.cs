using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>The revisions table: written while applying log lines, read by <c>newsmirror history</c>.</summary>
public static class Revisions
{
    internal static void Record(SqliteConnection connection, SqliteTransaction transaction, ArticleRevision revision)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO revisions(folder, file, at, action, old_title, new_title, old_hash, new_hash)
            VALUES ($folder, $file, $at, $action, $old_title, $new_title, $old_hash, $new_hash)
            """;
        command.Parameters.AddWithValue("$folder", revision.Folder);
        command.Parameters.AddWithValue("$file", revision.File);
        command.Parameters.AddWithValue("$at", revision.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$action", revision.Action);
        command.Parameters.AddWithValue("$old_title", (object?)revision.OldTitle ?? DBNull.Value);
        command.Parameters.AddWithValue("$new_title", revision.NewTitle);
        command.Parameters.AddWithValue("$old_hash", (object?)revision.OldHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$new_hash", (object?)revision.NewHash ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>The article's recorded revisions, oldest first.</summary>
    public static List<ArticleRevision> Of(ArchiveCatalog catalog, string folder, string file)
    {
        lock (catalog.Gate)
        {
            using var command = catalog.Connection.CreateCommand();
            command.CommandText = """
                SELECT at, action, old_title, new_title, old_hash, new_hash FROM revisions
                WHERE folder = $folder AND file = $file ORDER BY at, rowid
                """;
            command.Parameters.AddWithValue("$folder", folder);
            command.Parameters.AddWithValue("$file", file);
            using var reader = command.ExecuteReader();
            var revisions = new List<ArticleRevision>();
            while (reader.Read())
                revisions.Add(new ArticleRevision(folder, file, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            return revisions;
        }
    }
}
