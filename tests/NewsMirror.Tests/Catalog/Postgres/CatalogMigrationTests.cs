using System.Text.Json;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Tests.Support;
using Npgsql;

namespace NewsMirror.Tests.Catalog.Postgres;

/// <summary>Schema version 2 (revisions, probes, probe state) over a catalog a fleet already uses at version 1.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogMigrationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_catalog_at_the_previous_version_is_refused_with_the_migrate_command_and_migrate_upgrades_it_keeping_its_rows()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"), "sources: []\n");
        var url = cluster.NewDatabase();
        var previous = PostgresMigrations.Latest - 1;
        await using (var connection = await OpenAsync(url))
        {
            await PostgresMigrations.MigrateAsync(connection, previous, CancellationToken.None);
            await using var fill = new NpgsqlCommand("""
                INSERT INTO sources(name, folder, etag, last_success, failures) VALUES ('rfi', 'rfi', '"v1"', '2026-11-30T08:00:00Z', 2);
                INSERT INTO identities(folder, id, file, identity_key, guid, link_key, title, published)
                    VALUES ('rfi', 1, '1.md', 'g-1', 'g-1', 'example.org/1', '第一篇', 1700000000000),
                           ('rfi', 2, '2.md', 'link:example.org/2', NULL, 'example.org/2', '第二篇', NULL);
                INSERT INTO workers(name, started, last_seen) VALUES ('host:1', now(), now());
                """, connection);
            await fill.ExecuteNonQueryAsync();
        }

        var refused = await CliProcess.RunAsync(archive.Path, "status", "--catalog", url);
        Assert.True(refused.ExitCode == 2, refused.Stderr);
        Assert.Contains($"schema version {previous}, this NewsMirror needs {PostgresMigrations.Latest}", refused.Stderr);
        Assert.Contains($"newsmirror catalog migrate --catalog {url}", refused.Stderr);
        var importRefused = await CliProcess.RunAsync(archive.Path, "import", "--catalog", url);
        Assert.True(importRefused.ExitCode == 2, importRefused.Stderr);
        Assert.Contains("catalog migrate", importRefused.Stderr);

        var migrated = await CliProcess.RunAsync(archive.Path, "catalog", "migrate", "--catalog", url);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        Assert.Contains($"from schema version {previous} to {PostgresMigrations.Latest}", migrated.Stdout + migrated.Stderr);

        await using (var connection = await OpenAsync(url))
        {
            Assert.Equal(PostgresMigrations.Latest, await PostgresMigrations.VersionAsync(connection, CancellationToken.None));
            Assert.Equal(["rfi|rfi|\"v1\"|2"], await RowsAsync(connection, "SELECT name || '|' || folder || '|' || etag || '|' || failures FROM sources"));
            Assert.Equal(["1|1.md|第一篇|g-1", "2|2.md|第二篇|"],
                await RowsAsync(connection, "SELECT id || '|' || file || '|' || title || '|' || coalesce(guid, '') FROM identities ORDER BY id"));
            Assert.Equal(["host:1"], await RowsAsync(connection, "SELECT name FROM workers"));
            foreach (var table in new[] { "revisions", "probes", "probe_state" })
                Assert.Empty(await RowsAsync(connection, $"SELECT folder FROM {table}"));
        }

        var status = await CliProcess.RunAsync(archive.Path, "status", "--catalog", url, "--json");
        Assert.True(status.ExitCode == 0, status.Stderr);
        using var json = JsonDocument.Parse(status.Stdout);
        var source = Assert.Single(json.RootElement.GetProperty("sources").EnumerateArray().ToList());
        Assert.Equal("rfi", source.GetProperty("name").GetString());
        Assert.Equal(2, source.GetProperty("failures").GetInt32());
        Assert.Equal(0, source.GetProperty("revisions").GetInt64());
        Assert.Equal(0, source.GetProperty("removals").GetInt64());
    }

    private static async Task<NpgsqlConnection> OpenAsync(string url)
    {
        var connection = new NpgsqlConnection(SharedCatalogTests.ConnectionString(url));
        await connection.OpenAsync();
        return connection;
    }

    internal static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
