using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Tests.Support;
using Xunit.Abstractions;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// Kills <c>newsmirror run</c> (SIGKILL) at seeded random moments on copies of one archive, then checks what
/// a crash may leave: every article file complete, no link archived twice, no earlier article changed; then
/// lets the next run finish and compares the archive with an uninterrupted run on the same input — no
/// article lost, none duplicated, same ids and list pages.
/// </summary>
[Collection(nameof(CrashSafetyTests))]
public class CrashSafetyTests(ITestOutputHelper output)
{
    /// <summary>Change to explore other kill points; a failure message names the seed and trial to reproduce it.</summary>
    private const int Seed = 20251126;
    private const int Trials = 50;
    private static readonly string[] Folders = ["alpha", "beta", "gamma"];
    private const int ItemsPerFeed = 100;

    [Fact]
    public async Task Killing_a_run_at_any_moment_loses_and_duplicates_nothing()
    {
        await using var server = await LoopbackServer.StartAsync();
        foreach (var folder in Folders) server.Serve(folder + ".xml", HostileResponses.Feed(folder, ItemsPerFeed));
        using var seed = new ReliabilityArchive();
        seed.WriteSources(Folders.Select(f => (f, server.Url(f + ".xml"), "")).ToArray());
        foreach (var folder in Folders) seed.Seed(folder, 5);
        var seeded = seed.ArticleHashes();

        var (expected, _) = await UninterruptedRunAsync(seed.Root);
        // Timed on a second run: the first pays for cold caches, which would put most kill points after the end.
        var (again, runTime) = await UninterruptedRunAsync(seed.Root);
        Assert.Equal(expected, again);
        Assert.Equal(Folders.Length * (ItemsPerFeed + 5), expected.Keys.Count(k => k.StartsWith("articles", StringComparison.Ordinal)));

        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>();
        for (var trial = 0; trial < Trials; trial++)
        {
            // Start-up and fetching take the first third or so of a run; the rest is parsing, writing and lists.
            var killAfter = TimeSpan.FromMilliseconds(random.Next((int)(runTime.TotalMilliseconds * 0.3), (int)(runTime.TotalMilliseconds * 1.05)));
            var where = $"seed {Seed}, trial {trial}, kill after {killAfter.TotalMilliseconds:0} ms";
            using var copy = new TempFolder();
            CopyDirectory(seed.Root, copy.Path);

            var outcome = await KillRunAsync(copy.Path, killAfter);
            CheckWhatACrashLeaves(copy.Path, seeded, where);
            var articlesAtKill = Folders.Sum(f => ArticleNames(copy.Path, f).Count()) - Folders.Length * 5;
            outcome = outcome == "finished" ? outcome : articlesAtKill == 0 ? "killed before any article" : articlesAtKill < Folders.Length * ItemsPerFeed ? "killed among article writes" : "killed after the articles";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

            var resumed = await CliProcess.RunAsync(copy.Path, "run", "--json");
            Assert.True(resumed.ExitCode == 0, $"{where}: {resumed.Stdout}{resumed.Stderr}");
            var actual = ArchiveContent(copy.Path);
            Assert.True(expected.Count == actual.Count && expected.All(e => actual.GetValueOrDefault(e.Key) == e.Value),
                $"{where}: differs from the uninterrupted run in {string.Join(", ", expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).Take(5))}");
        }

        output.WriteLine($"uninterrupted run {runTime.TotalMilliseconds:0} ms; {Trials} kills: " + string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}")));
        Assert.True(outcomes.GetValueOrDefault("killed among article writes") > 0, "no kill landed among the article writes: widen the window");
    }

    /// <summary>Kill points are chosen against the measured length of a run, so the harness runs alone, not beside other tests.</summary>
    [CollectionDefinition(nameof(CrashSafetyTests), DisableParallelization = true)]
    public sealed class RunsAlone;

    private static async Task<(Dictionary<string, string> Content, TimeSpan Elapsed)> UninterruptedRunAsync(string seed)
    {
        using var reference = new TempFolder();
        CopyDirectory(seed, reference.Path);
        var timer = Stopwatch.StartNew();
        var run = await CliProcess.RunAsync(reference.Path, "run", "--json");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return (ArchiveContent(reference.Path), timer.Elapsed);
    }

    private static async Task<string> KillRunAsync(string archive, TimeSpan killAfter)
    {
        using var process = CliProcess.Start(archive, "run", "--json");
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        var exited = process.WaitForExitAsync();
        var finished = await Task.WhenAny(exited, Task.Delay(killAfter)) == exited;
        if (!finished) process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await drained;
        return finished ? "finished" : "killed";
    }

    /// <summary>Interrupted state that the next run must be able to build on.</summary>
    private static void CheckWhatACrashLeaves(string archive, Dictionary<string, string> seeded, string where)
    {
        var hashes = ReliabilityArchive.Hashes(Path.Combine(archive, "articles"));
        foreach (var (file, hash) in seeded) Assert.True(hashes.GetValueOrDefault(file) == hash, $"{where}: {file} changed");
        foreach (var folder in Folders)
        {
            var links = new HashSet<string>();
            foreach (var name in ArticleNames(archive, folder))
            {
                var text = File.ReadAllText(Path.Combine(archive, "articles", folder, name));
                Assert.True(ArticleFile.TryParse(text, out var record), $"{where}: {folder}/{name} is not a complete article file");
                Assert.True(links.Add(record.Link), $"{where}: {record.Link} archived twice in {folder}");
            }
        }
        var lists = Path.Combine(archive, "lists");
        if (Directory.Exists(lists))
            // A kill can leave the hidden temp file of a list page being written; the list page itself must stay whole.
            foreach (var list in Directory.GetFiles(lists).Where(f => !Path.GetFileName(f).StartsWith('.')))
                ListPage.Parse(File.ReadAllText(list));
    }

    /// <summary>Article files as listings see them (hidden temp files left by a kill are not articles).</summary>
    private static IEnumerable<string> ArticleNames(string archive, string folder)
    {
        var directory = Path.Combine(archive, "articles", folder);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(Path.GetFileName).Where(n => !n!.StartsWith('.'))!
            : [];
    }

    /// <summary>Articles, list pages and README: all but the identity log, whose lines carry the time they were written.</summary>
    private static Dictionary<string, string> ArchiveContent(string archive) =>
        Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(archive, f))
            .Where(f => !f.StartsWith(".newsmirror", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(archive, f)));

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
