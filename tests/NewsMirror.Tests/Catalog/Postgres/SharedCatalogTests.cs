using System.Net;
using System.Net.Sockets;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Tests.Support;
using Npgsql;

namespace NewsMirror.Tests.Catalog.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class SharedCatalogTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Migrate_creates_the_schema_once_and_an_unmigrated_catalog_is_refused_with_the_command_to_run()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"), "sources: []\n");
        var url = cluster.NewDatabase();

        var refused = await CliProcess.RunAsync(archive.Path, "status", "--catalog", url);
        Assert.True(refused.ExitCode == 2, refused.Stderr);
        Assert.Contains("schema version 0", refused.Stderr);
        Assert.Contains($"newsmirror catalog migrate --catalog {url}", refused.Stderr);

        var migrated = await CliProcess.RunAsync(archive.Path, "catalog", "migrate", "--catalog", url);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        Assert.Contains($"from schema version 0 to {PostgresMigrations.Latest}", migrated.Stdout + migrated.Stderr);
        var again = await CliProcess.RunAsync(archive.Path, "catalog", "migrate", "--catalog", url);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing to do", again.Stdout + again.Stderr);

        await using var connection = new NpgsqlConnection(ConnectionString(url));
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        Assert.Equal(PostgresMigrations.Latest, Convert.ToInt32(await version.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task A_newer_schema_is_refused()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"), "sources: []\n");
        var url = cluster.NewDatabase();
        var migrated = await CliProcess.RunAsync(archive.Path, "catalog", "migrate", "--catalog", url);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        await using (var connection = new NpgsqlConnection(ConnectionString(url)))
        {
            await connection.OpenAsync();
            await using var bump = new NpgsqlCommand("UPDATE schema_version SET version = 99", connection);
            await bump.ExecuteNonQueryAsync();
        }
        var refused = await CliProcess.RunAsync(archive.Path, "status", "--catalog", url);
        Assert.True(refused.ExitCode == 2, refused.Stderr);
        Assert.Contains("newer than this NewsMirror knows", refused.Stderr);
    }

    [Fact]
    public async Task An_unreachable_database_is_named_by_host_with_exit_3_and_the_password_never_shown()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"), "sources: []\n");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var viaOption = await CliProcess.RunAsync(archive.Path, "status", "--catalog", $"postgres://fleet:hunter2secret@127.0.0.1:{closedPort}/news");
        Assert.Equal(3, viaOption.ExitCode);
        Assert.Contains($"127.0.0.1:{closedPort}", viaOption.Stderr);
        Assert.DoesNotContain("hunter2secret", viaOption.Stdout + viaOption.Stderr);

        var viaEnvironment = await CliProcess.RunAsync(archive.Path, new Dictionary<string, string?>
        {
            ["NEWSMIRROR_CATALOG"] = $"postgres://fleet@127.0.0.1:{closedPort}/news",
            ["PGPASSWORD"] = "hunter2secret",
        }, "worker", "--once");
        Assert.Equal(3, viaEnvironment.ExitCode);
        Assert.Contains("127.0.0.1", viaEnvironment.Stderr);
        Assert.DoesNotContain("hunter2secret", viaEnvironment.Stdout + viaEnvironment.Stderr);
    }

    [Fact]
    public async Task A_malformed_catalog_setting_is_a_usage_error_naming_the_line()
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"), "catalog: mysql://x@y/z\nsources: []\n");
        var result = await CliProcess.RunAsync(archive.Path, "status");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("catalog", result.Stderr);
        Assert.Contains("postgres://", result.Stderr);
    }

    internal static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        return $"Host={uri.Host};Port={uri.Port};Username={uri.UserInfo};Database={uri.AbsolutePath.Trim('/')};Pooling=false";
    }
}
