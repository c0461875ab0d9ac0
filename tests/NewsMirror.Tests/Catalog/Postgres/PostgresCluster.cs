using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsMirror.Tests.Catalog.Postgres;

/// <summary>
/// A throw-away PostgreSQL server: Debian's binaries (<c>/usr/lib/postgresql/*/bin</c>, else PATH), a cluster made
/// by initdb in a temp folder (as the postgres user when the tests run as root), started with pg_ctl on a free
/// 127.0.0.1 port with its sockets in the same folder, and stopped after the tests or when the test process exits.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string User = "newsmirror";

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgres;
    private int _databases;

    public PostgresCluster()
    {
        _bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)");
        _asPostgres = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "newsmirror-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (_asPostgres) Run("chown", "postgres:postgres", _folder);
        Port = FreePort();
        RunAsOwner(Path.Combine(_bin, "initdb"), "-D", DataFolder, "-U", User, "-A", "trust", "--no-sync", "-E", "UTF8");
        Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public int Port { get; }
    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A new empty database; its URL for --catalog.</summary>
    public string NewDatabase()
    {
        var name = $"catalog{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={User};Database=postgres;Pooling=false");
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return $"postgres://{User}@127.0.0.1:{Port}/{name}";
    }

    public void Start() => RunAsOwner(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    /// <summary>Stops the server at once (connections are cut, as when a database machine goes away).</summary>
    public void Stop()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            RunAsOwner(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void RunAsOwner(string program, params string[] args)
    {
        if (_asPostgres) Run("runuser", ["-u", "postgres", "--", program, .. args]);
        else Run(program, args);
    }

    private void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
