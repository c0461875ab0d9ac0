using Microsoft.Data.Sqlite;
using NewsMirror.Archive;
using SQLitePCL;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// A folder's rows written anew (its old rows deleted first, or a new catalog file): plain inserts under rowids
/// handed out here, so no statement needs the (folder, file) index, which a new file creates after its rows.
/// Only each file's rowid is kept; the rare file logged twice (a revision, an import of a logged file) is read
/// back by rowid.
/// </summary>
internal sealed class RebuiltRows : IFolderRows, IDisposable
{
    private const string Columns = "folder = ?2, file = ?3, id = ?4, source = ?5, guid = ?6, link = ?7, link_key = ?8, title = ?9, published = ?10, archived = ?11, hash = ?12, seen_title = ?13, seen_hash = ?14";

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _rowids = new(StringComparer.Ordinal);
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _update;
    private long _nextRowid;

    public RebuiltRows(SqliteConnection connection)
    {
        _connection = connection;
        _nextRowid = Convert.ToInt64(CatalogSql.Scalar(connection, "SELECT coalesce(max(rowid), 0) + 1 FROM articles"));
        // SQLite's own statements, bound by position: through SqliteCommand, binding each parameter by name and the
        // reader set up around every execution cost as much as SQLite's work (10^6 rows for a fresh clone).
        _insert = Prepare("""
            INSERT INTO articles(rowid, folder, file, id, source, guid, link, link_key, title, published, archived, hash, seen_title, seen_hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
            """);
        _update = Prepare($"UPDATE articles SET {Columns} WHERE rowid = ?1");
    }

    /// <summary>Whether the file has a row (from a log line); listed files without one are indexed from their headers.</summary>
    public bool Has(string file) => _rowids.ContainsKey(file);

    public CatalogRow? Current(string file) =>
        _rowids.TryGetValue(file, out var rowid) ? CatalogRows.Query(_connection, "WHERE rowid = $rowid", ("$rowid", rowid)).Single() : null;

    /// <param name="replacing">Ignored: a rowid handed out here never had text in the search index.</param>
    public void Put(CatalogRow row, bool replacing)
    {
        var statement = _rowids.TryGetValue(row.File, out var rowid) ? _update : _insert;
        if (statement == _insert) _rowids[row.File] = rowid = _nextRowid++;
        raw.sqlite3_bind_int64(statement, 1, rowid);
        raw.sqlite3_bind_text(statement, 2, row.Folder);
        raw.sqlite3_bind_text(statement, 3, row.File);
        Bind(statement, 4, row.Id);
        raw.sqlite3_bind_text(statement, 5, row.Source);
        Bind(statement, 6, row.Guid);
        raw.sqlite3_bind_text(statement, 7, row.Link);
        raw.sqlite3_bind_text(statement, 8, LinkKey.Of(row.Link));
        raw.sqlite3_bind_text(statement, 9, row.Title);
        Bind(statement, 10, row.Published);
        Bind(statement, 11, row.Archived?.ToUnixTimeMilliseconds());
        Bind(statement, 12, row.Hash);
        Bind(statement, 13, row.SeenTitle);
        Bind(statement, 14, row.SeenHash);
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(result, _connection.Handle);
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

    private sqlite3_stmt Prepare(string sql)
    {
        var result = raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement);
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _connection.Handle);
        return statement;
    }

    private static void Bind(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } number) raw.sqlite3_bind_int64(statement, index, number);
        else raw.sqlite3_bind_null(statement, index);
    }

    private static void Bind(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null) raw.sqlite3_bind_null(statement, index);
        else raw.sqlite3_bind_text(statement, index, value);
    }
}
