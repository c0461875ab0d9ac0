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
            // Reading, stripping and normalising are independent per file: done in parallel, outside the gate.
            var texts = batch.AsParallel().AsOrdered()
                .Select(row => ArchivedText.Read(row.Folder, Path.Combine(CatalogPaths.Directory(catalog.Paths, row.Folder), row.File)).PlainText())
                .Select(text => new IndexText(SearchText.ForIndex(text.Title), SearchText.ForIndex(text.Body), SearchText.Pairs(text.Title), SearchText.Pairs(text.Body)))
                .ToList();
            lock (catalog.Gate)
            {
                using var transaction = catalog.Connection.BeginTransaction();
                using var add = new Adder(catalog.Connection, transaction);
                for (int i = 0; i < batch.Count; i++) add.Add(batch[i].RowId, texts[i]);
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

    /// <summary>An article's text as the index columns hold it (see <see cref="SearchText"/>).</summary>
    internal sealed record IndexText(string Title, string Body, string TitlePairs, string BodyPairs);

    /// <summary>Puts one article's text into the index and marks its row indexed, within the caller's transaction.</summary>
    internal sealed class Adder : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _mark;

        public Adder(SqliteConnection connection, SqliteTransaction transaction)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = "INSERT INTO article_text(rowid, title, body, title_pairs, body_pairs) VALUES ($rowid, $title, $body, $title_pairs, $body_pairs)";
            foreach (var name in new[] { "$rowid", "$title", "$body", "$title_pairs", "$body_pairs" })
                _insert.Parameters.Add(new SqliteParameter(name, null));
            _mark = connection.CreateCommand();
            _mark.Transaction = transaction;
            _mark.CommandText = "UPDATE articles SET indexed = 1 WHERE rowid = $rowid";
            _mark.Parameters.Add(new SqliteParameter("$rowid", null));
        }

        public void Add(long rowId, IndexText text)
        {
            _insert.Parameters[0].Value = rowId;
            _insert.Parameters[1].Value = text.Title;
            _insert.Parameters[2].Value = text.Body;
            _insert.Parameters[3].Value = text.TitlePairs;
            _insert.Parameters[4].Value = text.BodyPairs;
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
