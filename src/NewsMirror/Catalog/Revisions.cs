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
    public static List<ArticleRevision> Of(ArchiveCatalog catalog, string folder, string file) =>
        Read(catalog, folder, "WHERE folder = $folder AND file = $file ORDER BY at, rowid", ("$folder", folder), ("$file", file));

    /// <summary>The folder's recorded revisions, oldest first.</summary>
    public static List<ArticleRevision> OfFolder(ArchiveCatalog catalog, string folder) =>
        Read(catalog, folder, "WHERE folder = $folder ORDER BY at, rowid", ("$folder", folder));

    /// <summary>How many revisions the catalog holds for the folder.</summary>
    public static long Count(ArchiveCatalog catalog, string folder)
    {
        lock (catalog.Gate) return Convert.ToInt64(CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM revisions WHERE folder = $folder", ("$folder", folder)));
    }

    private static List<ArticleRevision> Read(ArchiveCatalog catalog, string folder, string where, params (string, object?)[] parameters)
    {
        lock (catalog.Gate)
        {
            using var command = CatalogSql.Command(catalog.Connection, null,
                "SELECT file, at, action, old_title, new_title, old_hash, new_hash FROM revisions " + where, parameters);
            using var reader = command.ExecuteReader();
            var revisions = new List<ArticleRevision>();
            while (reader.Read())
                revisions.Add(new ArticleRevision(folder, reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            return revisions;
        }
    }
}
