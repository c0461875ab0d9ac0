using System.Diagnostics;
using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Evidence.Warc;
using NewsMirror.Tests.Evidence.Warc;
using NewsMirror.Tests.Support;
using Xunit.Abstractions;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// Kills <c>newsmirror run --commit</c> (SIGKILL, with its git child processes, then of the newsmirror process alone)
/// at seeded random moments on copies
/// of one archive in a git repository, then checks what a crash may leave: every article file complete, no link
/// archived twice, no earlier article changed, and <c>newsmirror verify</c> passing (or <c>verify --fix</c> making
/// it pass without touching an article); then lets the next run finish and compares the archive with an
/// uninterrupted run on the same input — no article lost, none duplicated, same ids and list pages, and
/// everything committed.
/// </summary>
[Collection(nameof(CrashSafetyTests))]
public class CrashSafetyTests(ITestOutputHelper output)
{
    /// <summary>Change to explore other kill points; a failure message names the seed and trial to reproduce it.</summary>
    private const int Seed = 20251126;
    /// <summary>Runs are started until this many were killed (a run can finish before its kill point).</summary>
    private const int Kills = 50;
    /// <summary>Runs killed with SIGKILL to the newsmirror process alone, after the <see cref="Kills"/> with their children.</summary>
    private const int KillsOfNewsMirrorAlone = 20;
    private const int MaxTrials = 100;
    private static readonly string[] Folders = ["alpha", "beta", "gamma"];
    private const int ItemsPerFeed = 100;

    [Fact]
    public async Task Killing_a_run_at_any_moment_loses_and_duplicates_nothing()
    {
        await using var server = await LoopbackServer.StartAsync();
        foreach (var folder in Folders) server.Serve(folder + ".xml", HostileResponses.Feed(folder, ItemsPerFeed));
        using var seed = new ReliabilityArchive();
        using var git = new TestGit();
        seed.WriteSources(Folders.Select(f => (f, server.Url(f + ".xml"), "")).ToArray());
        foreach (var folder in Folders) seed.Seed(folder, 5);
        // Adopted as an operator would adopt an old archive: verify --fix gives the seeded files their identity-log
        // lines and writes the list pages and README, so that the seed itself verifies.
        var adopted = await CliProcess.RunAsync(seed.Root, "verify", "--fix");
        Assert.True(adopted.ExitCode == 0, adopted.Stdout + adopted.Stderr);
        File.Delete(Path.Combine(seed.Root, ".newsmirror", "catalog.db"));
        git.InitWithFiles(seed.Root, new Dictionary<string, string>());
        var seeded = seed.ArticleHashes();
        var seededLines = Folders.Sum(f => LogLines(seed.Root, f));

        var (expected, _) = await UninterruptedRunAsync(seed.Root, git);
        // Timed on a second run: the first pays for cold caches, which would put most kill points after the end.
        var (again, runTime) = await UninterruptedRunAsync(seed.Root, git);
        Assert.Equal(expected, again);
        Assert.Equal(Folders.Length * (ItemsPerFeed + 5), expected.Keys.Count(k => k.StartsWith("articles", StringComparison.Ordinal)));

        var treeKills = await KillRunsAsync(seed.Root, git, seeded, seededLines, expected, runTime, Seed, Kills, killTree: true);
        output.WriteLine($"uninterrupted run {runTime.TotalMilliseconds:0} ms; SIGKILL with git's child processes: {treeKills}");
        var aloneKills = await KillRunsAsync(seed.Root, git, seeded, seededLines, expected, runTime, Seed + 1, KillsOfNewsMirrorAlone, killTree: false);
        output.WriteLine($"SIGKILL of the newsmirror process alone: {aloneKills}");
    }

    /// <summary>
    /// Starts runs on copies of the seed until <paramref name="kills"/> were killed, checks each as the class says, and
    /// returns the statistics. <paramref name="killTree"/> false sends SIGKILL to the newsmirror process only, leaving
    /// its children (git) to the kernel: as an OOM kill or <c>kill -9 PID</c> does.
    /// </summary>
    private static async Task<string> KillRunsAsync(string seedRoot, TestGit git, Dictionary<string, string> seeded, int seededLines,
        Dictionary<string, string> expected, TimeSpan runTime, int seed, int kills, bool killTree)
    {
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();
        var killed = 0;
        var trial = 0;
        var kind = killTree ? "tree" : "alone";
        for (; killed < kills; trial++)
        {
            // Start-up and fetching take the first third or so of a run; the rest is parsing, writing and lists.
            var killAfter = TimeSpan.FromMilliseconds(random.Next((int)(runTime.TotalMilliseconds * 0.3), (int)(runTime.TotalMilliseconds * 1.05)));
            var where = $"seed {seed}, kill {kind}, trial {trial}, kill after {killAfter.TotalMilliseconds:0} ms";
            using var copy = new TempFolder();
            CopyDirectory(seedRoot, copy.Path);

            var seedCommit = git.Run(copy.Path, "rev-parse", "HEAD").Trim();
            Assert.True(trial < MaxTrials, $"only {killed} of {trial} runs were killed before they finished: move the window earlier");
            var (outcome, elapsed) = await KillRunAsync(copy.Path, git, killAfter, killTree);
            if (outcome != "finished") killed++;
            // A run that beat its kill point says how long runs take now (warm caches, a quieter machine): later
            // kill points are drawn against that, so the window follows the machine instead of the first timing.
            else runTime = elapsed;
            CheckWhatACrashLeaves(copy.Path, seeded, where);
            outcome = outcome == "finished" ? outcome : KillPoint(copy.Path, git, seedCommit, seededLines);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            var verified = await VerifyAsync(copy.Path, seeded, where);
            outcomes[verified] = outcomes.GetValueOrDefault(verified) + 1;

            var resumed = await CliProcess.RunAsync(copy.Path, git.Environment, "run", "--json", "--commit");
            Assert.True(resumed.ExitCode == 0, $"{where}: {resumed.Stdout}{resumed.Stderr}");
            var actual = ArchiveContent(copy.Path);
            Assert.True(expected.Count == actual.Count && expected.All(e => actual.GetValueOrDefault(e.Key) == e.Value),
                $"{where}: differs from the uninterrupted run in {string.Join(", ", expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).Take(5))}");
            CheckEverythingCommitted(copy.Path, git, where);
            // The next run repaired what the kill tore: the capture files themselves now read clean.
            var settled = WarcioCheck.Folder(Path.Combine(copy.Path, ".newsmirror", "warc"));
            Assert.True(settled.Problems.Count == 0, $"{where}: raw captures after the next run: {string.Join("; ", settled.Problems)}");
            var temps = Directory.EnumerateFiles(copy.Path, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(copy.Path, f).StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && AtomicFile.IsTempFile(f));
            Assert.True(!temps.Any(), $"{where}: temp files left after the next run: {string.Join(", ", temps)}");
            var after = await CliProcess.RunAsync(copy.Path, "verify", "--json");
            Assert.True(after.ExitCode == 0, $"{where}: verify after the next run: {after.Stdout}{after.Stderr}");
        }

        Assert.True(outcomes.GetValueOrDefault(AmongArticleWrites) > 0, $"no {kind} kill landed among the article writes: widen the window");
        return $"{trial} runs, {killed} killed: " + string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"));
    }

    private const string AmongArticleWrites = "killed among article writes";

    /// <summary>Where the kill landed, from what it left: how many articles, whether git was mid-command or had committed.</summary>
    private static string KillPoint(string archive, TestGit git, string seedCommit, int seededLines)
    {
        var articles = Folders.Sum(f => ArticleNames(archive, f).Count()) - Folders.Length * 5;
        // A source's log lines go first, its files after them: the writes begin with the first new line.
        var logged = Folders.Sum(f => LogLines(archive, f)) - seededLines;
        if (new[] { "index.lock", "HEAD.lock" }.Any(l => File.Exists(Path.Combine(archive, ".git", l)))) return "killed inside git add or commit";
        if (git.Run(archive, "rev-parse", "HEAD").Trim() != seedCommit) return "killed after the commit";
        return articles == 0 && logged <= 0 ? "killed before any article" : articles < Folders.Length * ItemsPerFeed ? AmongArticleWrites : "killed after the articles, before the commit";
    }

    private static int LogLines(string archive, string folder)
    {
        var log = new ArchivePaths(archive).IdentityLog(folder);
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }

    /// <summary>
    /// <c>verify</c> must pass as the kill left the archive, or <c>verify --fix</c> must make it pass (a list page the
    /// run had not rewritten yet) without creating, changing or deleting an article file.
    /// </summary>
    private static async Task<string> VerifyAsync(string archive, Dictionary<string, string> seeded, string where)
    {
        var verify = await CliProcess.RunAsync(archive, "verify", "--json");
        Assert.True(verify.ExitCode is 0 or 1, $"{where}: verify: {verify.Stdout}{verify.Stderr}");
        using var report = JsonDocument.Parse(verify.Stdout);
        if (verify.ExitCode == 0)
            return report.RootElement.GetProperty("unwritten").GetArrayLength() > 0 ? "verify passed, listing an unwritten article" : "verify passed";
        var kinds = report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).Distinct().Order();
        var before = ReliabilityArchive.Hashes(Path.Combine(archive, "articles"));
        var fix = await CliProcess.RunAsync(archive, "verify", "--json", "--fix");
        Assert.True(fix.ExitCode == 0, $"{where}: verify --fix left problems: {fix.Stdout}{fix.Stderr} (verify said {verify.Stdout})");
        Assert.Equal(before, ReliabilityArchive.Hashes(Path.Combine(archive, "articles")));
        foreach (var (file, hash) in seeded) Assert.Equal(hash, before[file]);
        return $"verify passed after --fix ({string.Join(", ", kinds)})";
    }

    /// <summary>Every file of the archive is committed, and HEAD holds each article once.</summary>
    private static void CheckEverythingCommitted(string archive, TestGit git, string where)
    {
        var status = git.Run(archive, "status", "--porcelain", "--untracked-files=all");
        Assert.True(status.Length == 0, $"{where}: left uncommitted: {status}");
        var tracked = git.Run(archive, "-c", "core.quotepath=false", "ls-files", "articles").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Folders.Length * (ItemsPerFeed + 5), tracked.Length);
    }

    /// <summary>Kill points are chosen against the measured length of a run, so the harness runs alone, not beside other tests.</summary>
    [CollectionDefinition(nameof(CrashSafetyTests), DisableParallelization = true)]
    public sealed class RunsAlone;

    private static async Task<(Dictionary<string, string> Content, TimeSpan Elapsed)> UninterruptedRunAsync(string seed, TestGit git)
    {
        using var reference = new TempFolder();
        CopyDirectory(seed, reference.Path);
        var timer = Stopwatch.StartNew();
        var run = await CliProcess.RunAsync(reference.Path, git.Environment, "run", "--json", "--commit");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        CheckEverythingCommitted(reference.Path, git, "uninterrupted run");
        return (ArchiveContent(reference.Path), timer.Elapsed);
    }

    private static async Task<(string Outcome, TimeSpan Elapsed)> KillRunAsync(string archive, TestGit git, TimeSpan killAfter, bool killTree)
    {
        var timer = Stopwatch.StartNew();
        using var process = CliProcess.Start(archive, git.Environment, "run", "--json", "--commit");
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        var exited = process.WaitForExitAsync();
        var finished = await Task.WhenAny(exited, Task.Delay(killAfter)) == exited;
        if (!finished) process.Kill(entireProcessTree: killTree);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await drained;
        return (finished ? "finished" : "killed", timer.Elapsed);
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
        CheckRawCaptures(archive, where);
    }

    /// <summary>
    /// What a kill leaves of the raw captures: a kill in the middle of a capture write can tear the newest file's last
    /// record, which the next run cuts off (<see cref="WarcRecorder.Open"/>); nothing before it may be damaged. So a
    /// copy repaired as the next run would repair it reads clean with warcio (every record whole, every digest
    /// matching), and a source with an article the run added has its feed's response among those whole records: a
    /// capture is kept before what comes from it.
    /// </summary>
    private static void CheckRawCaptures(string archive, string where)
    {
        using var copy = new TempFolder();
        var left = Path.Combine(archive, ".newsmirror", "warc");
        if (Directory.Exists(left)) CopyDirectory(left, copy.Combine(".newsmirror", "warc"));
        WarcRecorder.Open(new ArchivePaths(copy.Path)).Recorder.Dispose();
        var warc = WarcioCheck.Folder(copy.Combine(".newsmirror", "warc"));
        Assert.True(warc.Problems.Count == 0, $"{where}: raw captures do not read clean once the torn last record is cut off: {string.Join("; ", warc.Problems)}");
        var captured = warc.Files.Values.SelectMany(records => records).Where(r => r is { Type: "response", Status: 200 }).Select(r => r.Uri).ToHashSet();
        foreach (var folder in Folders)
            if (ArticleNames(archive, folder).Count() > 5)
                Assert.True(captured.Any(uri => uri?.EndsWith($"/{folder}.xml", StringComparison.Ordinal) == true),
                    $"{where}: {folder} has articles from a run whose feed response is in no WARC file");
    }

    /// <summary>Article files as listings see them (hidden temp files left by a kill are not articles).</summary>
    private static IEnumerable<string> ArticleNames(string archive, string folder)
    {
        var directory = Path.Combine(archive, "articles", folder);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.'))
            : [];
    }

    /// <summary>
    /// Articles, list pages, README and the root .gitignore: all but the identity log (whose lines carry the time they
    /// were written), git's own files and other hidden files.
    /// </summary>
    private static Dictionary<string, string> ArchiveContent(string archive) =>
        Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(archive, f))
            .Where(f => f == ".gitignore" || (!f.StartsWith('.') && !Path.GetFileName(f).StartsWith('.')))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(archive, f)));

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
