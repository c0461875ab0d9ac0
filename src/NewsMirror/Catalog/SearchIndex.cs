using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// The full-text part of the catalog (an FTS5 table holding only the index, no copy of the text). Filled
/// lazily: a run and a rebuild from the logs only mark articles as not yet indexed, and the next search
/// reads just those files. So a fresh clone's first search indexes the archive once; later ones read only
/// what runs added since.
/// </summary>
public static class SearchIndex
{
    private const int Batch = 1000;

    public static int PendingCount(ArchiveCatalog catalog)
    {
        lock (catalog.Gate) return Convert.ToInt32(CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM articles WHERE indexed = 0"));
    }

    /// <summary>Indexes every article not yet in the index; <paramref name="progress"/> gets the number done so far.</summary>
    public static int IndexPending(ArchiveCatalog catalog, IProgress<int>? progress = null)
    {
        int done = 0;
        while (true)
        {
            var batch = NextBatch(catalog);
            if (batch.Count == 0) return done;
            // Reading and stripping files is the slow part and is independent per file.
            var texts = batch.AsParallel().AsOrdered()
                .Select(row => ArchivedText.Read(row.Folder, Path.Combine(CatalogPaths.Directory(catalog.Paths, row.Folder), row.File)).PlainText())
                .ToList();
            lock (catalog.Gate)
            {
                using var transaction = catalog.Connection.BeginTransaction();
                using var add = new Adder(catalog.Connection, transaction);
                for (int i = 0; i < batch.Count; i++) add.Add(batch[i].RowId, texts[i].Title, texts[i].Body);
                transaction.Commit();
            }
            done += batch.Count;
            progress?.Report(done);
        }
    }

    private static List<(long RowId, string Folder, string File)> NextBatch(ArchiveCatalog catalog)
    {
        lock (catalog.Gate)
        {
            using var command = catalog.Connection.CreateCommand();
            command.CommandText = $"SELECT rowid, folder, file FROM articles WHERE indexed = 0 LIMIT {Batch}";
            using var reader = command.ExecuteReader();
            var rows = new List<(long, string, string)>();
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            return rows;
        }
    }

    /// <summary>Puts one article's text into the index and marks its row indexed, within the caller's transaction.</summary>
    internal sealed class Adder : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _mark;

        public Adder(SqliteConnection connection, SqliteTransaction transaction)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = "INSERT INTO article_text(rowid, title, body) VALUES ($rowid, $title, $body)";
            _insert.Parameters.Add(new SqliteParameter("$rowid", null));
            _insert.Parameters.Add(new SqliteParameter("$title", null));
            _insert.Parameters.Add(new SqliteParameter("$body", null));
            _mark = connection.CreateCommand();
            _mark.Transaction = transaction;
            _mark.CommandText = "UPDATE articles SET indexed = 1 WHERE rowid = $rowid";
            _mark.Parameters.Add(new SqliteParameter("$rowid", null));
        }

        public void Add(long rowId, string title, string body)
        {
            _insert.Parameters[0].Value = rowId;
            _insert.Parameters[1].Value = SearchText.ForIndex(title);
            _insert.Parameters[2].Value = SearchText.ForIndex(body);
            _insert.ExecuteNonQuery();
            _mark.Parameters[0].Value = rowId;
            _mark.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _insert.Dispose();
            _mark.Dispose();
        }
    }
}
