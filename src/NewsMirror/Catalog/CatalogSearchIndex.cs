using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// The full-text part of the catalog (an FTS5 table holding only the index, no copy of the text). Filled
/// lazily: a run and a rebuild from the logs only mark articles as not yet indexed, and searches read just
/// those files. Indexing goes newest first, in slices of one transaction each, so it can stop after any slice
/// (a time budget, or the process killed) and leave an index of the newest articles that the next call
/// continues; a search on a partial index says how much of the archive it covered (<see cref="IndexCoverage"/>).
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
    private const int BulkSlice = 20 * Batch;

    internal const int PendingBytes = 64 << 20;

    public static int PendingCount(ArchiveCatalog catalog)
    {
        lock (catalog.Gate) return PendingCount(catalog.Connection);
    }

    internal static int PendingCount(SqliteConnection connection) =>
        Convert.ToInt32(CatalogSql.Scalar(connection, "SELECT count(*) FROM articles WHERE indexed = 0"));

    /// <summary>
    /// Indexes the articles not yet in the index, newest first; <paramref name="progress"/> gets the number done so far.
    /// With a <paramref name="budget"/>, stops after the slice during which it ran out (slices are sized from the rate
    /// measured so far, so the overrun is small) and leaves the older rest to the next call.
    /// </summary>
    public static int IndexPending(ArchiveCatalog catalog, IProgress<int>? progress = null, TimeSpan? budget = null)
    {
        var clock = Stopwatch.StartNew();
        int done = 0;
        // With a budget the first slice is one batch, to learn the rate; without one, every slice is a bulk one.
        int size = budget is null ? BulkSlice : Batch;
        while (NewestPending(catalog, size) is { Count: > 0 } slice)
        {
            done += IndexSlice(catalog, slice, done, progress);
            if (budget is not { } limit) continue;
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero) break;
            double perSecond = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            size = (int)Math.Clamp(perSecond * left.TotalSeconds, Batch, BulkSlice);
        }
        return done;
    }

    /// <summary>
    /// Indexes one slice (in rowid order: FTS5 writes its buffer out as a segment whenever a rowid is lower than the last)
    /// in one transaction, the next batch's files read and tokenized on other cores while SQLite inserts this one.
    /// </summary>
    private static int IndexSlice(ArchiveCatalog catalog, List<PendingRow> slice, int doneBefore, IProgress<int>? progress)
    {
        var batches = slice.Chunk(Batch).ToList();
        var preparing = Prepare(catalog, batches[0]);
        int done = 0;
        lock (catalog.Gate)
        {
            using var transaction = catalog.Connection.BeginTransaction();
            using var add = new Adder(catalog.Connection, transaction);
            for (int b = 0; b < batches.Count; b++)
            {
                var texts = preparing.GetAwaiter().GetResult();
                if (b + 1 < batches.Count) preparing = Prepare(catalog, batches[b + 1]);
                for (int i = 0; i < batches[b].Length; i++) add.Add(batches[b][i].RowId, texts[i]);
                done += batches[b].Length;
                progress?.Report(doneBefore + done);
            }
            transaction.Commit();
        }
        return done;
    }

    /// <summary>Reading, stripping and tokenizing are independent per file: done in parallel, outside the gate.</summary>
    private static Task<List<IndexText>> Prepare(ArchiveCatalog catalog, PendingRow[] batch) =>
        Task.Run(() => batch.AsParallel().AsOrdered()
            .Select(row => IndexText.Of(ArchivedText.Read(row.Folder, Path.Combine(CatalogPaths.Directory(catalog.Paths, row.Folder), row.File)).PlainText()))
            .ToList());

    private sealed record PendingRow(long RowId, string Folder, string File);

    /// <summary>The <paramref name="count"/> most recently archived articles not yet indexed, in rowid order.</summary>
    private static List<PendingRow> NewestPending(ArchiveCatalog catalog, int count)
    {
        lock (catalog.Gate)
        {
            using var command = CatalogSql.Command(catalog.Connection, null,
                $"SELECT rowid, folder, file FROM articles WHERE indexed = 0 ORDER BY rowid DESC LIMIT {count}");
            using var reader = command.ExecuteReader();
            var rows = new List<PendingRow>();
            while (reader.Read()) rows.Add(new PendingRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            rows.Reverse();
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
            _mark.CommandText = "UPDATE articles SET indexed = 1 WHERE rowid = $rowid AND indexed = 0";
            _mark.Parameters.Add(new SqliteParameter("$rowid", null));
        }

        /// <summary>Only a row still pending gets text: another process may have removed or indexed it since the slice was read.</summary>
        public void Add(long rowId, IndexText text)
        {
            _mark.Parameters[0].Value = rowId;
            if (_mark.ExecuteNonQuery() == 0) return;
            _insert.Parameters[0].Value = rowId;
            _insert.Parameters[1].Value = text.Title;
            _insert.Parameters[2].Value = text.Body;
            _insert.Parameters[3].Value = text.TitlePairs;
            _insert.Parameters[4].Value = text.BodyPairs;
            _insert.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _insert.Dispose();
            _mark.Dispose();
        }
    }
}
