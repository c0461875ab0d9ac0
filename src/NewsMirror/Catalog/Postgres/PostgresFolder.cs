using NewsMirror.Identity;

namespace NewsMirror.Catalog.Postgres;

/// <summary>
/// A folder of a claimed source: the local index answers first (it holds the committed logs), the shared table
/// second; ids are chosen below both, and each article written is inserted into the batch's transaction.
/// </summary>
internal sealed class PostgresFolder(PostgresBatch batch, CatalogFolder local) : IArchiveFolder
{
    public CatalogFolder Local => local;
    public string Name => local.Name;
    public string Path => local.Path;
    public int Count => local.Count;

    public long SmallestId
    {
        get
        {
            var shared = batch.Query((c, t) =>
            {
                using var command = new Npgsql.NpgsqlCommand("SELECT min(id) FROM identities WHERE folder = @folder", c, t);
                command.Parameters.AddWithValue("folder", Name);
                return command.ExecuteScalar() is long id ? id : long.MaxValue;
            });
            return Math.Min(local.SmallestId, shared);
        }
    }

    public StoredArticle? Find(string? guid, string link, string title, long? timestampMs) =>
        local.Find(guid, link, title, timestampMs) ?? batch.Query((c, t) =>
        {
            using var command = new Npgsql.NpgsqlCommand(
                "SELECT id, file, published, title, guid, link_key FROM identities WHERE folder = @folder AND identity_key = @key LIMIT 1", c, t);
            command.Parameters.AddWithValue("folder", Name);
            command.Parameters.AddWithValue("key", PostgresIdentities.KeyOf(guid, link));
            using var r = command.ExecuteReader();
            return r.Read() ? new StoredArticle(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetString(3), link, r.IsDBNull(4) ? null : r.GetString(4)) : null;
        });

    public bool HasId(long id) => local.HasId(id) || batch.Query((c, t) =>
    {
        using var command = new Npgsql.NpgsqlCommand("SELECT EXISTS(SELECT 1 FROM identities WHERE folder = @folder AND id = @id)", c, t);
        command.Parameters.AddWithValue("folder", Name);
        command.Parameters.AddWithValue("id", id);
        return (bool)command.ExecuteScalar()!;
    });

    public IEnumerable<StoredArticle> Newest(int count) => local.Newest(count);

    public void Add(StoredArticle article)
    {
        batch.Query((c, t) =>
        {
            using var insert = PostgresIdentities.Insert(c, t, Name, article, skipKnown: false);
            return insert.ExecuteNonQuery();
        });
        local.Add(article);
    }
}
