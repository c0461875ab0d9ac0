using NewsMirror.Archive;
using NewsMirror.Tests.Support;
using Xunit.Abstractions;

namespace NewsMirror.Tests.Reliability;

/// <summary>The archive on a full or a read-only file system: a clear error per source, exit code 1, nothing half-written.</summary>
public class DiskFaultTests(ITestOutputHelper output)
{
    private static string BigFeed(int count) => RssFixture.Document("big", Enumerable.Range(0, count).Select(i =>
        new RssFixtureItem($"大文章 {i}", $"https://news.example/big/{i}", new DateTimeOffset(2024, 3, 26, 8, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("r"))
        {
            Description = $"<p>{new string('字', 8_000)} {i}</p>",
        }));

    private static async Task<(LoopbackServer Server, string Yaml)> ServeAsync()
    {
        var server = await LoopbackServer.StartAsync();
        server.Serve("big.xml", BigFeed(40));
        server.Serve("small.xml", HostileResponses.Feed("small", 2));
        return (server, $"sources:\n  - name: big\n    folder: big\n    url: {server.Url("big.xml")}\n  - name: small\n    folder: small\n    url: {server.Url("small.xml")}\n");
    }

    [SkippableFact]
    public async Task A_full_disk_fails_the_source_cleanly_and_the_next_run_completes_it()
    {
        using var disk = new TmpfsMount(kibibytes: 512);
        var (server, yaml) = await ServeAsync();
        await using var _ = server;
        var root = Directory.CreateDirectory(Path.Combine(disk.Path, "archive")).FullName;
        File.WriteAllText(Path.Combine(root, "newsmirror.yml"), yaml);
        var seeded = SeedArticles(root);

        var full = await CliProcess.RunAsync(root, "run", "--json");
        output.WriteLine(full.Stdout + full.Stderr);

        Assert.Equal(1, full.ExitCode);
        var sources = ReliabilityArchive.SourcesByFolder(full.Stdout);
        Assert.Equal("error", sources["big"].GetProperty("status").GetString());
        Assert.Matches(@"^cannot write .*/articles/big/\d+\.md: No space left on device$", sources["big"].GetProperty("error").GetString());
        AssertNothingHalfWritten(root, seeded);

        disk.Remount("size=16m");
        var roomy = await CliProcess.RunAsync(root, "run", "--json");

        Assert.True(roomy.ExitCode == 0, roomy.Stdout + roomy.Stderr);
        AssertNothingHalfWritten(root, seeded);
        Assert.Equal(40 + 1, Directory.GetFiles(Path.Combine(root, "articles", "big")).Length);
    }

    [SkippableFact]
    public async Task A_read_only_archive_stops_the_run_with_a_clear_error_and_changes_nothing()
    {
        using var disk = new TmpfsMount(kibibytes: 4096);
        var (server, yaml) = await ServeAsync();
        await using var _ = server;
        var root = Directory.CreateDirectory(Path.Combine(disk.Path, "archive")).FullName;
        File.WriteAllText(Path.Combine(root, "newsmirror.yml"), yaml);
        SeedArticles(root);
        var before = ReliabilityArchive.Hashes(root);
        disk.Remount("ro");

        var result = await CliProcess.RunAsync(root, "run", "--json");
        output.WriteLine(result.Stdout + result.Stderr);

        // The writer lock is the first thing a run writes, so a read-only archive stops the run before any source.
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("cannot write to the archive (taking its writer lock failed)", result.Stderr);
        Assert.Contains("Read-only file system", result.Stderr);
        Assert.Equal(before, ReliabilityArchive.Hashes(root));
    }

    private static Dictionary<string, string> SeedArticles(string root)
    {
        foreach (var folder in new[] { "big", "small" })
        {
            var directory = Directory.CreateDirectory(Path.Combine(root, "articles", folder)).FullName;
            File.WriteAllText(Path.Combine(directory, "1048574.md"), ArticleFile.Render(new ArticleRecord(1_700_000_000_000, $"{folder} 旧文", $"https://old.example/{folder}", "<p>旧</p>")));
        }
        return ReliabilityArchive.Hashes(Path.Combine(root, "articles"));
    }

    /// <summary>Every article file complete, no temp file left anywhere, earlier articles unchanged.</summary>
    private static void AssertNothingHalfWritten(string root, Dictionary<string, string> seeded)
    {
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var article in files.Where(f => f.Contains($"{Path.DirectorySeparatorChar}articles{Path.DirectorySeparatorChar}")))
            Assert.True(ArticleFile.TryParse(File.ReadAllText(article), out _), article);
        var hashes = ReliabilityArchive.Hashes(Path.Combine(root, "articles"));
        foreach (var (file, hash) in seeded) Assert.Equal(hash, hashes[file]);
        foreach (var list in Directory.Exists(Path.Combine(root, "lists")) ? Directory.GetFiles(Path.Combine(root, "lists")) : [])
            ListPage.Parse(File.ReadAllText(list));
    }
}
