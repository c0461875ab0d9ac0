using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>The rows of a folder the catalog already holds: looked up on first use, then kept while the new lines are applied.</summary>
internal sealed class CaughtUpRows(ArchiveCatalog catalog, string folder, SqliteTransaction transaction) : IFolderRows, IDisposable
{
    private readonly CatalogRows.Writer _writer = new(catalog.Connection, transaction);
    private readonly Dictionary<string, CatalogRow?> _rows = new(StringComparer.Ordinal);

    public CatalogRow? Current(string file)
    {
        if (_rows.TryGetValue(file, out var row)) return row;
        row = CatalogRows.Query(catalog.Connection, "WHERE folder = $folder AND file = $file", ("$folder", folder), ("$file", file)).FirstOrDefault();
        _rows[file] = row;
        return row;
    }

    public void Put(CatalogRow row, bool replacing)
    {
        _writer.Upsert(row, replacing: replacing);
        _rows[row.File] = row;
    }

    public void Remove(string file)
    {
        CatalogSql.Execute(catalog.Connection, transaction, """
            DELETE FROM article_text WHERE rowid IN (SELECT rowid FROM articles WHERE folder = $folder AND file = $file);
            DELETE FROM articles WHERE folder = $folder AND file = $file;
            """, ("$folder", folder), ("$file", file));
        _rows[file] = null;
    }

    public void Dispose() => _writer.Dispose();
}
