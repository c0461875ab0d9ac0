using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>The SQL that reads and writes article rows; callers hold the catalog's gate.</summary>
internal static class CatalogRows
{
    public const string Columns = "folder, file, id, source, guid, link, title, published, archived, hash, seen_title, seen_hash";

    public static List<CatalogRow> Query(SqliteConnection connection, string clause, params (string Name, object? Value)[] parameters)
    {
        using var command = CatalogSql.Command(connection, null, $"SELECT {Columns} FROM articles {clause}", parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<CatalogRow>();
        while (reader.Read()) rows.Add(Read(reader));
        return rows;
    }

    public static CatalogRow Read(SqliteDataReader r, int first = 0) => new(
        r.GetString(first), r.GetString(first + 1), Long(r, first + 2), r.GetString(first + 3), Text(r, first + 4),
        r.GetString(first + 5), r.GetString(first + 6), Long(r, first + 7),
        Long(r, first + 8) is { } archived ? DateTimeOffset.FromUnixTimeMilliseconds(archived) : null,
        Text(r, first + 9), Text(r, first + 10), Text(r, first + 11));

    private static long? Long(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A prepared insert-or-replace, reused across a transaction (rebuilds insert 10^5 rows).</summary>
    public sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _upsert;
        private readonly SqliteCommand _dropText;

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            _upsert = connection.CreateCommand();
            _upsert.Transaction = transaction;
            // A replaced row's text is stale: it leaves the search index and is indexed again on the next search.
            _upsert.CommandText = $"""
                INSERT INTO articles({Columns}, link_key, indexed)
                VALUES ($folder, $file, $id, $source, $guid, $link, $title, $published, $archived, $hash, $seen_title, $seen_hash, $link_key, $indexed)
                ON CONFLICT(folder, file) DO UPDATE SET
                    id = excluded.id, source = excluded.source, guid = excluded.guid, link = excluded.link,
                    link_key = excluded.link_key, title = excluded.title, published = excluded.published,
                    archived = excluded.archived, hash = excluded.hash, seen_title = excluded.seen_title,
                    seen_hash = excluded.seen_hash,
                    indexed = CASE WHEN $keep_index THEN articles.indexed ELSE excluded.indexed END
                RETURNING rowid
                """;
            foreach (var name in new[] { "$folder", "$file", "$id", "$source", "$guid", "$link", "$title", "$published", "$archived", "$hash", "$seen_title", "$seen_hash", "$link_key", "$indexed", "$keep_index" })
                _upsert.Parameters.Add(new SqliteParameter(name, null));
            _dropText = connection.CreateCommand();
            _dropText.Transaction = transaction;
            _dropText.CommandText = "DELETE FROM article_text WHERE rowid = $rowid";
            _dropText.Parameters.Add(new SqliteParameter("$rowid", null));
        }

        /// <param name="replacing">The row's text changed (or may have): it leaves the search index. Otherwise an existing row keeps its indexed text.</param>
        /// <returns>The row's rowid, under which its text goes into the search index.</returns>
        public long Upsert(CatalogRow row, bool indexed = false, bool replacing = true)
        {
            object?[] values =
            [
                row.Folder, row.File, row.Id, row.Source, row.Guid, row.Link, row.Title, row.Published,
                row.Archived?.ToUnixTimeMilliseconds(), row.Hash, row.SeenTitle, row.SeenHash, LinkKey.Of(row.Link), indexed ? 1 : 0, replacing ? 0 : 1,
            ];
            for (int i = 0; i < values.Length; i++) _upsert.Parameters[i].Value = values[i] ?? DBNull.Value;
            var rowid = Convert.ToInt64(_upsert.ExecuteScalar());
            if (replacing)
            {
                _dropText.Parameters[0].Value = rowid;
                _dropText.ExecuteNonQuery();
            }
            return rowid;
        }

        public void Dispose()
        {
            _upsert.Dispose();
            _dropText.Dispose();
        }
    }

    public static void DeleteFolder(SqliteConnection connection, SqliteTransaction transaction, string folder)
    {
        CatalogSql.Execute(connection, transaction, """
            DELETE FROM article_text WHERE rowid IN (SELECT rowid FROM articles WHERE folder = $folder);
            DELETE FROM articles WHERE folder = $folder;
            DELETE FROM revisions WHERE folder = $folder;
            DELETE FROM logs WHERE folder = $folder;
            """, ("$folder", folder));
    }
}
