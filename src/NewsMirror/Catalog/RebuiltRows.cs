using Microsoft.Data.Sqlite;
using NewsMirror.Archive;

namespace NewsMirror.Catalog;

/// <summary>
/// A folder's rows written anew (its old rows deleted first, or a new catalog file): plain inserts under rowids
/// handed out here, so no statement needs the (folder, file) index, which a new file creates after its rows.
/// Only each file's rowid is kept; the rare file logged twice (a revision, an import of a logged file) is read
/// back by rowid.
/// </summary>
internal sealed class RebuiltRows : IFolderRows, IDisposable
{
    private const string Values = "$id, $source, $guid, $link, $link_key, $title, $published, $archived, $hash, $seen_title, $seen_hash";

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _rowids = new(StringComparer.Ordinal);
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private long _nextRowid;

    public RebuiltRows(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _nextRowid = Convert.ToInt64(CatalogSql.Scalar(connection, "SELECT coalesce(max(rowid), 0) + 1 FROM articles"));
        _insert = Prepare(connection, transaction, $"""
            INSERT INTO articles(rowid, folder, file, id, source, guid, link, link_key, title, published, archived, hash, seen_title, seen_hash)
            VALUES ($rowid, $folder, $file, {Values})
            """);
        _update = Prepare(connection, transaction, """
            UPDATE articles SET folder = $folder, file = $file, id = $id, source = $source, guid = $guid, link = $link, link_key = $link_key,
                title = $title, published = $published, archived = $archived, hash = $hash, seen_title = $seen_title, seen_hash = $seen_hash
            WHERE rowid = $rowid
            """);
    }

    /// <summary>Whether the file has a row (from a log line); listed files without one are indexed from their headers.</summary>
    public bool Has(string file) => _rowids.ContainsKey(file);

    public CatalogRow? Current(string file) =>
        _rowids.TryGetValue(file, out var rowid) ? CatalogRows.Query(_connection, "WHERE rowid = $rowid", ("$rowid", rowid)).Single() : null;

    /// <param name="replacing">Ignored: a rowid handed out here never had text in the search index.</param>
    public void Put(CatalogRow row, bool replacing)
    {
        var command = _rowids.TryGetValue(row.File, out var rowid) ? _update : _insert;
        if (command == _insert) _rowids[row.File] = rowid = _nextRowid++;
        var p = command.Parameters;
        p[0].Value = rowid;
        p[1].Value = row.Folder;
        p[2].Value = row.File;
        p[3].Value = (object?)row.Id ?? DBNull.Value;
        p[4].Value = row.Source;
        p[5].Value = (object?)row.Guid ?? DBNull.Value;
        p[6].Value = row.Link;
        p[7].Value = LinkKey.Of(row.Link);
        p[8].Value = row.Title;
        p[9].Value = (object?)row.Published ?? DBNull.Value;
        p[10].Value = (object?)row.Archived?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p[11].Value = (object?)row.Hash ?? DBNull.Value;
        p[12].Value = (object?)row.SeenTitle ?? DBNull.Value;
        p[13].Value = (object?)row.SeenHash ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public void Remove(string file)
    {
        if (!_rowids.Remove(file, out var rowid)) return;
        CatalogSql.Execute(_connection, null, "DELETE FROM articles WHERE rowid = $rowid", ("$rowid", rowid));
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
    }

    /// <summary>A statement prepared once with its parameters in the order <see cref="Put"/> sets them.</summary>
    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "$rowid", "$folder", "$file", "$id", "$source", "$guid", "$link", "$link_key", "$title", "$published", "$archived", "$hash", "$seen_title", "$seen_hash" })
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }
}
