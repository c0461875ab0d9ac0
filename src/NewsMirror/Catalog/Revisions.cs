using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>The revisions table: written while applying log lines, read by <c>newsmirror history</c>.</summary>
public static class Revisions
{
    internal static void Record(SqliteConnection connection, SqliteTransaction transaction, ArticleRevision revision)
    {
        CatalogSql.Execute(connection, transaction, """
            INSERT INTO revisions(folder, file, at, action, old_title, new_title, old_hash, new_hash)
            VALUES ($folder, $file, $at, $action, $old_title, $new_title, $old_hash, $new_hash)
            """,
            ("$folder", revision.Folder), ("$file", revision.File), ("$at", revision.At.ToUnixTimeMilliseconds()), ("$action", revision.Action),
            ("$old_title", revision.OldTitle), ("$new_title", revision.NewTitle), ("$old_hash", revision.OldHash), ("$new_hash", revision.NewHash));
    }

    /// <summary>The newest revision a probe recorded for the article: the version the next one changed.</summary>
    internal static (string Title, string? Hash)? LastProbed(SqliteConnection connection, SqliteTransaction transaction, string folder, string file)
    {
        using var command = CatalogSql.Command(connection, transaction, """
            SELECT new_title, new_hash FROM revisions WHERE folder = $folder AND file = $file AND action = $action ORDER BY at DESC, rowid DESC LIMIT 1
            """, ("$folder", folder), ("$file", file), ("$action", Identity.IdentityLogEntry.Changes.Probe));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    /// <summary>The article's recorded revisions, oldest first.</summary>
    public static List<ArticleRevision> Of(ArchiveCatalog catalog, string folder, string file)
    {
        lock (catalog.Gate)
        {
            using var command = CatalogSql.Command(catalog.Connection, null, """
                SELECT at, action, old_title, new_title, old_hash, new_hash FROM revisions
                WHERE folder = $folder AND file = $file ORDER BY at, rowid
                """, ("$folder", folder), ("$file", file));
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
