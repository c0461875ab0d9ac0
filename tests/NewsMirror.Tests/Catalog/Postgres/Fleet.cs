using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Catalog.Postgres;

/// <summary>
/// A fleet's world for the tests: a loopback server with <c>sources</c> feeds of <c>items</c> items each, a bare git
/// remote seeded with their newsmirror.yml, a shared catalog database, and clones for worker processes.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private int _clones;

    private Fleet(LoopbackServer server, string catalog, int sources, int items)
    {
        Server = server;
        Catalog = catalog;
        Sources = sources;
        Items = items;
        Remote = _folder.Combine("remote.git");
    }

    public LoopbackServer Server { get; }
    public string Catalog { get; }
    public int Sources { get; }
    public int Items { get; }
    public string Remote { get; }
    public TestGit Git { get; } = new();

    public static string Folder(int source) => $"s{source:D4}";

    /// <param name="settings">Archive settings placed before the sources in newsmirror.yml (e.g. <c>raw: commit</c>).</param>
    public static async Task<Fleet> StartAsync(PostgresCluster cluster, int sources, int items, string settings = "")
    {
        var fleet = new Fleet(await LoopbackServer.StartAsync(), cluster.NewDatabase(), sources, items);
        var yaml = new StringBuilder(settings).Append("sources:\n");
        for (var s = 0; s < sources; s++)
        {
            var folder = Folder(s);
            yaml.Append($"  - name: {folder}\n    folder: {folder}\n    url: {fleet.Server.Url(folder + ".xml")}\n");
            var feed = RssFixture.Document(folder, Enumerable.Range(0, items).Select(i => new RssFixtureItem($"{folder} 标题 {i}", $"https://example.org/{folder}/{i}",
                new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("r", CultureInfo.InvariantCulture)) { Description = $"<p>正文 {folder} {i}</p>" }));
            fleet.Server.Serve(folder + ".xml", feed);
        }
        fleet.Git.Run(fleet._folder.Path, "init", "--quiet", "--bare", "--initial-branch=main", fleet.Remote);
        var seed = fleet._folder.Combine("seed");
        Directory.CreateDirectory(seed);
        fleet.Git.InitWithFiles(seed, new Dictionary<string, string> { ["newsmirror.yml"] = yaml.ToString(), [".gitignore"] = ".newsmirror/catalog.db*\n.newsmirror/lock\n" });
        fleet.Git.Run(seed, "push", "--quiet", fleet.Remote, "main");
        var migrated = await CliProcess.RunAsync(seed, "catalog", "migrate", "--catalog", fleet.Catalog);
        Assert.True(migrated.ExitCode == 0, migrated.Stderr);
        return fleet;
    }

    /// <summary>A new clone of the remote, as a worker's machine has.</summary>
    public string Clone()
    {
        var clone = _folder.Combine($"clone{Interlocked.Increment(ref _clones)}");
        Git.Run(_folder.Path, "clone", "--quiet", Remote, clone);
        return clone;
    }

    public Process StartWorker(string clone, params string[] args) =>
        CliProcess.Start(clone, Git.Environment, ["worker", "--catalog", Catalog, "--lease", "2s", .. args]);

    public static async Task<(int ExitCode, string Stderr)> WaitAsync(Process process, TimeSpan timeout)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(limit.Token); }
        finally { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        return (process.ExitCode, await stderr);
    }

    /// <summary>What a fresh clone of the remote holds: per folder, the article files and their links; and the history's merge commits.</summary>
    public (Dictionary<string, List<string>> Links, int Merges, string Clone) Inspect()
    {
        var clone = Clone();
        var links = new Dictionary<string, List<string>>();
        var articles = Path.Combine(clone, "articles");
        if (Directory.Exists(articles))
            foreach (var folder in Directory.GetDirectories(articles))
                links[Path.GetFileName(folder)] = Directory.GetFiles(folder, "*.md").Where(f => Path.GetFileName(f) != "README.md")
                    .Select(f => File.ReadLines(f).First(l => l.Contains("https://example.org/", StringComparison.Ordinal))).ToList();
        var merges = Git.Run(clone, "rev-list", "--merges", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return (links, merges, clone);
    }

    /// <summary>Every item of every source archived exactly once.</summary>
    public void AssertComplete()
    {
        var (links, merges, clone) = Inspect();
        Assert.Equal(0, merges);
        Assert.Equal(Sources, links.Count);
        foreach (var (folder, found) in links)
        {
            Assert.Equal(Items, found.Count);
            Assert.Equal(Items, found.Distinct().Count());
        }
        var ids = Directory.GetDirectories(Path.Combine(clone, "articles")).Select(f => Directory.GetFiles(f, "*.md").Length);
        Assert.All(ids, n => Assert.True(n >= Items));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Git.Dispose();
        _folder.Dispose();
    }
}
