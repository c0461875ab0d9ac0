using Microsoft.Data.Sqlite;

namespace NewsMirror.Catalog;

/// <summary>
/// The catalog's tables. The catalog is derived data: a database of another version is rebuilt, not migrated.
/// A new file gets its tables first and its article indexes after the rows (sorting once is faster than
/// keeping five B-trees in step); <see cref="Version"/> is written last, so a file whose build was stopped
/// reads as another version and is made anew.
/// </summary>
internal static class CatalogSchema
{
    /// <summary>6: search tokens fold full-width forms to ASCII and İ to i, so text indexed by 5 would miss such queries.</summary>
    public const int Version = 6;

    public static void CreateTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE articles(
                rowid INTEGER PRIMARY KEY,
                folder TEXT NOT NULL,
                file TEXT NOT NULL,
                id INTEGER,
                source TEXT NOT NULL,
                guid TEXT,
                link TEXT NOT NULL,
                link_key TEXT NOT NULL,
                title TEXT NOT NULL,
                published INTEGER,
                archived INTEGER,
                hash TEXT,
                seen_title TEXT,
                seen_hash TEXT,
                indexed INTEGER NOT NULL DEFAULT 0);
            -- Text arrives tokenized by SearchText; the buffer of pending terms is sized for bulk indexing (see CatalogSearchIndex).
            CREATE VIRTUAL TABLE article_text USING fts5(
                title, body, title_pairs, body_pairs, content='', contentless_delete=1, tokenize='ascii');
            INSERT INTO article_text(article_text, rank) VALUES ('hashsize', {CatalogSearchIndex.PendingBytes});
            CREATE TABLE logs(
                folder TEXT PRIMARY KEY,
                applied INTEGER NOT NULL,
                head TEXT NOT NULL,
                tail TEXT NOT NULL);
            CREATE TABLE unwritten(
                folder TEXT NOT NULL,
                file TEXT NOT NULL,
                link TEXT NOT NULL,
                PRIMARY KEY(folder, file, link));
            CREATE TABLE revisions(
                folder TEXT NOT NULL,
                file TEXT NOT NULL,
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                old_title TEXT,
                new_title TEXT NOT NULL,
                old_hash TEXT,
                new_hash TEXT);
            CREATE INDEX revisions_file ON revisions(folder, file);
            CREATE TABLE sources(
                name TEXT PRIMARY KEY,
                etag TEXT,
                last_modified TEXT,
                last_success INTEGER,
                last_error TEXT,
                last_failure INTEGER,
                failures INTEGER NOT NULL DEFAULT 0,
                next_poll INTEGER);
            """;
        command.ExecuteNonQuery();
    }

    public static void CreateIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE UNIQUE INDEX articles_file ON articles(folder, file);
            CREATE INDEX articles_id ON articles(folder, id);
            CREATE INDEX articles_guid ON articles(folder, guid) WHERE guid IS NOT NULL;
            CREATE INDEX articles_link ON articles(folder, link_key);
            CREATE INDEX articles_pending ON articles(indexed) WHERE indexed = 0;
            """;
        command.ExecuteNonQuery();
    }

    public static void MarkComplete(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {Version}";
        command.ExecuteNonQuery();
    }
}
