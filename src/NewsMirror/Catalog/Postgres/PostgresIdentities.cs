using Npgsql;
using NewsMirror.Identity;

namespace NewsMirror.Catalog.Postgres;

/// <summary>The identities table's statements: one article's row, a folder's log imported, and the identity questions.</summary>
internal static class PostgresIdentities
{
    /// <summary>The archive's identity rule as one key: the guid, else the link's key.</summary>
    public static string KeyOf(string? guid, string link) => guid ?? "link:" + LinkKey.Of(link);

    public static NpgsqlCommand Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, string folder, StoredArticle article, bool skipKnown)
    {
        var command = new NpgsqlCommand("""
            INSERT INTO identities(folder, id, file, identity_key, guid, link_key, title, published)
            VALUES (@folder, @id, @file, @key, @guid, @link_key, @title, @published)
            """ + (skipKnown ? " ON CONFLICT DO NOTHING" : ""), connection, transaction);
        command.Parameters.AddWithValue("folder", folder);
        command.Parameters.AddWithValue("id", article.Id);
        command.Parameters.AddWithValue("file", article.File);
        command.Parameters.AddWithValue("key", KeyOf(article.Guid, article.Link));
        command.Parameters.AddWithValue("guid", (object?)article.Guid ?? DBNull.Value);
        command.Parameters.AddWithValue("link_key", LinkKey.Of(article.Link));
        command.Parameters.AddWithValue("title", article.Title);
        command.Parameters.AddWithValue("published", (object?)article.TimestampMs ?? DBNull.Value);
        return command;
    }

    /// <summary>
    /// Adds the log's articles the table lacks (the first line of each file; revision lines change no identity). A
    /// row that would be a second copy or a second article under one id is left out: the table keeps the first.
    /// </summary>
    public static async Task<int> ImportLogAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string folder, string logPath, CancellationToken cancel)
    {
        if (!File.Exists(logPath)) return 0;
        var firstLines = new Dictionary<string, IdentityLogEntry>(StringComparer.Ordinal);
        foreach (var entry in IdentityLog.Read(logPath))
            if (entry.Change is null) firstLines.TryAdd(entry.File, entry);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM identities WHERE folder = @folder", connection, transaction))
        {
            count.Parameters.AddWithValue("folder", folder);
            // Every line already there (the usual case of a worker's claim): nothing to write.
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancel)) >= firstLines.Count) return 0;
        }
        var added = 0;
        foreach (var chunk in firstLines.Values.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var e in chunk)
            {
                using var single = Insert(connection, transaction, folder, new StoredArticle(e.Id, e.File, e.Published, e.Title, e.Link, e.Guid), skipKnown: true);
                var command = new NpgsqlBatchCommand(single.CommandText);
                foreach (NpgsqlParameter p in single.Parameters) command.Parameters.AddWithValue(p.ParameterName, p.Value!);
                batch.BatchCommands.Add(command);
            }
            added += await batch.ExecuteNonQueryAsync(cancel);
        }
        return added;
    }
}
