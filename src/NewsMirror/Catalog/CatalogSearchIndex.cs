using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// The full-text part of the catalog (an FTS5 table holding only the index, no copy of the text). Filled
/// lazily: a run and a rebuild from the logs only mark articles as not yet indexed, and the next search
/// reads just those files. So a fresh clone's first search indexes the archive once; later ones read only
/// what runs added since.
/// </summary>
public static class CatalogSearchIndex
{
    private const int Batch = 1000;

    /// <summary>
    /// FTS5 keeps new terms in memory and writes them out as a new index segment when the buffer is full and at every
    /// commit; each segment is later merged into larger ones. Few large segments cost far less than many small ones
    /// (the pair columns hold hundreds of thousands of distinct terms), so a bulk load commits every 20,000 articles
    /// into a 64 MiB buffer: three times faster than 1,000 articles per commit into FTS5's default 1 MiB.
    /// </summary>
    private const int BatchesPerTransaction = 20;

    internal const int PendingBytes = 64 << 20;

    public static int PendingCount(ArchiveCatalog catalog)
    {
        lock (catalog.Gate) return Convert.ToInt32(CatalogSql.Scalar(catalog.Connection, "SELECT count(*) FROM articles WHERE indexed = 0"));
    }

    /// <summary>Indexes every article not yet in the index; <paramref name="progress"/> gets the number done so far.</summary>
    public static int IndexPending(ArchiveCatalog catalog, IProgress<int>? progress = null)
    {
        int done = 0;
        var batch = NextBatch(catalog, after: 0);
        // The next batch's files are read and tokenized on other cores while SQLite inserts this one.
        var preparing = Prepare(catalog, batch);
        while (batch.Count > 0)
        {
            lock (catalog.Gate)
            {
                using var transaction = catalog.Connection.BeginTransaction();
                using var add = new Adder(catalog.Connection, transaction);
                for (int n = 0; n < BatchesPerTransaction && batch.Count > 0; n++)
                {
                    var texts = preparing.GetAwaiter().GetResult();
                    var next = NextBatch(catalog, after: batch[^1].RowId);
                    preparing = Prepare(catalog, next);
                    for (int i = 0; i < batch.Count; i++) add.Add(batch[i].RowId, texts[i]);
                    done += batch.Count;
                    progress?.Report(done);
                    batch = next;
                }
                transaction.Commit();
            }
        }
        return done;
    }

    /// <summary>Reading, stripping and tokenizing are independent per file: done in parallel, outside the gate.</summary>
    private static Task<List<IndexText>> Prepare(ArchiveCatalog catalog, List<(long RowId, string Folder, string File)> batch) =>
        Task.Run(() => batch.AsParallel().AsOrdered()
            .Select(row => IndexText.Of(ArchivedText.Read(row.Folder, Path.Combine(CatalogPaths.Directory(catalog.Paths, row.Folder), row.File)).PlainText()))
            .ToList());

    /// <summary>The next pending articles after <paramref name="after"/> in rowid order (the rows before it may not be marked yet).</summary>
    private static List<(long RowId, string Folder, string File)> NextBatch(ArchiveCatalog catalog, long after)
    {
        lock (catalog.Gate)
        {
            using var command = CatalogSql.Command(catalog.Connection, null,
                $"SELECT rowid, folder, file FROM articles WHERE indexed = 0 AND rowid > $after ORDER BY rowid LIMIT {Batch}", ("$after", after));
            using var reader = command.ExecuteReader();
            var rows = new List<(long, string, string)>();
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            return rows;
        }
    }

    /// <summary>An article's text as the index columns hold it (see <see cref="SearchText"/>).</summary>
    internal sealed record IndexText(string Title, string Body, string TitlePairs, string BodyPairs)
    {
        public static IndexText Of((string Title, string Body) text)
        {
            var (title, titlePairs) = SearchText.Tokenize(text.Title);
            var (body, bodyPairs) = SearchText.Tokenize(text.Body);
            return new IndexText(title, body, titlePairs, bodyPairs);
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
