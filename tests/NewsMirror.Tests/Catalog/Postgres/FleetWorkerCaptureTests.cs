using NewsMirror.Tests.Evidence.Warc;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Catalog.Postgres;

/// <summary>Workers keep raw captures as <c>run</c> does (<c>raw: local | commit</c>), each clone under a file name no other clone writes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetWorkerCaptureTests(PostgresCluster cluster)
{
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(4);
    private const string CaptureName = "newsmirror.capture-name";

    private static async Task<List<string>> RunTwoWorkersAsync(Fleet fleet)
    {
        var clones = new List<string> { fleet.Clone(), fleet.Clone() };
        var results = await Task.WhenAll(clones.Select(c => Fleet.WaitAsync(fleet.StartWorker(c, "--once", "--batch", "3"), WorkerTimeout)));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        return clones;
    }

    private static string[] CaptureFiles(string archive) =>
        Directory.Exists(Path.Combine(archive, ".newsmirror", "warc"))
            ? Directory.GetFiles(Path.Combine(archive, ".newsmirror", "warc"), "*.warc.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>warcio reads every file clean, and every source's feed has a 200 response among the records.</summary>
    private static void AssertEveryFeedCaptured(Fleet fleet, string[] files)
    {
        var report = WarcioCheck.Files(files);
        Assert.True(report.Problems.Count == 0, report.Json);
        var responses = report.Files.Values.SelectMany(r => r).Where(r => r.Type == "response" && r.Status == 200).Select(r => r.Uri).ToHashSet();
        Assert.All(Enumerable.Range(0, fleet.Sources), s => Assert.Contains(fleet.Server.Url(Fleet.Folder(s) + ".xml"), responses));
    }

    [Fact]
    public async Task Under_raw_local_each_worker_keeps_its_captures_in_its_clone_under_its_own_name_git_ignored()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 12, items: 2);

        var clones = await RunTwoWorkersAsync(fleet);

        var names = clones.Select(c => fleet.Git.Run(c, "config", "--get", CaptureName).Trim()).ToList();
        Assert.NotEqual(names[0], names[1]);
        for (var i = 0; i < clones.Count; i++)
        {
            Assert.All(CaptureFiles(clones[i]), f => Assert.Matches($@"[/\\]\d\d-{names[i]}-\d+\.warc\.gz$", f));
            Assert.Equal("", fleet.Git.Run(clones[i], "status", "--porcelain", "--untracked-files=all").Trim());
        }
        AssertEveryFeedCaptured(fleet, clones.SelectMany(CaptureFiles).ToArray());
        fleet.AssertComplete();
        var (_, _, fresh) = fleet.Inspect();
        Assert.Empty(CaptureFiles(fresh));
        Assert.Contains(".newsmirror/warc/", File.ReadAllLines(Path.Combine(fresh, ".gitignore")));
    }

    [Fact]
    public async Task Under_raw_commit_every_batch_commits_its_captures_with_its_articles_and_the_remote_holds_every_feed_response()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 12, items: 2, settings: "raw: commit\n");

        var clones = await RunTwoWorkersAsync(fleet);

        fleet.AssertComplete();
        var (_, _, fresh) = fleet.Inspect();
        var files = CaptureFiles(fresh);
        AssertEveryFeedCaptured(fleet, files);
        var names = clones.Select(c => fleet.Git.Run(c, "config", "--get", CaptureName).Trim()).ToList();
        Assert.All(files, f => Assert.Contains(names, n => Path.GetFileName(f).Contains($"-{n}-", StringComparison.Ordinal)));
        foreach (var commit in fleet.Git.Run(fresh, "log", "--format=%H", "--", "articles").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var changed = fleet.Git.Run(fresh, "show", "--name-only", "--format=", commit);
            Assert.Contains(".newsmirror/warc/", changed);
        }
        Assert.All(clones, c => Assert.Equal("", fleet.Git.Run(c, "status", "--porcelain", "--untracked-files=all").Trim()));
        // The manifests list each capture file with its digest, as they do for run's.
        var verify = await CliProcess.RunAsync(fresh, "verify", "--manifests");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Under_raw_commit_a_batch_whose_push_was_refused_keeps_its_capture_and_the_clone_s_next_batch_commits_it()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 2, items: 2, settings: "raw: commit\n");
        var refusing = Path.Combine(fleet.Remote, "refuse");
        File.WriteAllText(refusing, "");
        var hook = Path.Combine(fleet.Remote, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\nif [ -e refuse ]; then echo 'refused for the test' >&2; exit 1; fi\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = fleet.Clone();
        using var worker = fleet.StartWorker(clone, "--once", "--batch", "2");
        _ = worker.StandardOutput.ReadToEndAsync();
        var log = new System.Text.StringBuilder();
        while (await worker.StandardError.ReadLineAsync() is { } line)
        {
            log.AppendLine(line);
            if (line.Contains("batch abandoned", StringComparison.Ordinal)) break;
        }
        Assert.Contains("batch abandoned", log.ToString());
        // The clone's first capture file; the worker may already have begun the next batch's.
        var abandoned = CaptureFiles(clone).Where(f => f.EndsWith("-0.warc.gz", StringComparison.Ordinal)).ToArray();
        Assert.Single(abandoned);
        File.Delete(refusing);
        log.Append(await worker.StandardError.ReadToEndAsync());
        await worker.WaitForExitAsync().WaitAsync(WorkerTimeout);
        Assert.True(worker.ExitCode == 0, log.ToString());

        fleet.AssertComplete();
        var (_, _, fresh) = fleet.Inspect();
        var committed = CaptureFiles(fresh).Select(Path.GetFileName).ToList();
        Assert.Equal(2, committed.Count);
        Assert.Contains(Path.GetFileName(abandoned[0]), committed);
        AssertEveryFeedCaptured(fleet, [Path.Combine(fresh, Path.GetRelativePath(clone, abandoned[0]))]);
        Assert.Equal("", fleet.Git.Run(clone, "status", "--porcelain", "--untracked-files=all").Trim());
    }
}
