using System.Diagnostics;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Watch;

/// <summary><c>newsmirror watch</c> through the real executable, against a loopback server, with second-long intervals.</summary>
public class WatchCommandTests
{
    private static readonly string[] FastWatch = ["watch", "--interval", "1s", "--jitter", "0s"];

    private static readonly DateTimeOffset Published = new(2024, 3, 26, 8, 0, 0, TimeSpan.Zero);

    private sealed record Stopped(int ExitCode, string Stderr);

    /// <summary>Starts watch with its output drained, runs <paramref name="until"/>, then stops it with SIGTERM.</summary>
    private static async Task<Stopped> WatchUntilAsync(FeedArchive archive, Func<Task> until, params string[] args)
    {
        using var watch = archive.Start([.. FastWatch, .. args]);
        var stdout = watch.StandardOutput.ReadToEndAsync();
        var stderr = watch.StandardError.ReadToEndAsync();
        try
        {
            await until();
            await FeedArchive.TerminateAsync(watch);
            await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await stdout;
            return new Stopped(watch.ExitCode, await stderr);
        }
        finally
        {
            if (!watch.HasExited) watch.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task An_unchanged_feed_is_asked_for_conditionally_and_nothing_is_rewritten()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        var conditional = 0;
        archive.Handle("a", async (context, _) =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                Interlocked.Increment(ref conditional);
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = "\"v1\"";
            await FeedArchive.WriteFeedAsync(context, "a", Published, Published.AddHours(1));
        });

        var stopped = await WatchUntilAsync(archive, () => archive.Requests("a").WaitForAsync(3));

        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        Assert.True(conditional >= 2, $"{conditional} conditional requests");
        Assert.Contains("a: not modified", stopped.Stderr);
        var files = archive.ArticleFiles("a");
        Assert.Equal(2, files.Length);
        var secondRequest = archive.Requests("a").Times[1];
        Assert.All(files, f => Assert.True(File.GetLastWriteTimeUtc(f) < secondRequest.UtcDateTime, "an article was rewritten after a 304"));
        Assert.Equal(2, File.ReadAllLines(archive.Archive.Combine(".newsmirror", "log", "a.jsonl")).Length);
    }

    [Fact]
    public async Task A_source_is_not_polled_again_before_its_Retry_After()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        archive.Handle("a", async (context, n) =>
        {
            if (n == 0)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "4";
                return;
            }
            await FeedArchive.WriteFeedAsync(context, "a", Published);
        });

        var stopped = await WatchUntilAsync(archive, () => archive.Requests("a").WaitForAsync(2));

        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        var times = archive.Requests("a").Times;
        // Without Retry-After the backoff after one failure would be 2 intervals (2 s).
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(4), $"polled again after {(times[1] - times[0]).TotalSeconds:0.00} s");
        Assert.Contains("retry after 4 s", stopped.Stderr);
    }

    [Fact]
    public async Task A_failing_source_is_polled_less_often_than_a_healthy_one()
    {
        await using var archive = await FeedArchive.StartAsync("healthy", "failing");
        archive.Handle("healthy", (context, _) => FeedArchive.WriteFeedAsync(context, "healthy", Published));
        archive.Handle("failing", (context, _) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });

        var stopped = await WatchUntilAsync(archive, () => archive.Requests("healthy").WaitForAsync(6));

        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        var failing = archive.Requests("failing").Times;
        // Polls 1 s apart for the healthy source; the failing one waits 2 s, then 4 s, …
        Assert.InRange(failing.Count, 2, 3);
        Assert.True(failing[1] - failing[0] >= TimeSpan.FromSeconds(2), $"second poll after {(failing[1] - failing[0]).TotalSeconds:0.00} s");
        Assert.Contains("failing: error: failed: HTTP 500", stopped.Stderr);
    }

    [Fact]
    public async Task SIGTERM_mid_round_stops_cleanly_releasing_the_lock_and_leaving_no_partial_file()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        archive.Handle("a", async (context, _) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var stopped = await WatchUntilAsync(archive, async () =>
        {
            await archive.Requests("a").WaitForAsync(1);
            Assert.True(File.Exists(archive.Archive.Combine(".newsmirror", "lock")), "the round holds the writer lock");
        });

        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("newsmirror: stopped", stopped.Stderr);
        Assert.False(File.Exists(archive.Archive.Combine(".newsmirror", "lock")));
        var files = Directory.GetFiles(archive.Archive.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Empty(archive.ArticleFiles("a"));
    }

    /// <summary>Starts watch with a one-hour interval, and waits for its first round to end (the line of its source).</summary>
    private static async Task<Process> StartAfterFirstRoundAsync(FeedArchive archive, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var watch = archive.Start(environment, ["watch", "--interval", "1h", .. args]);
        try
        {
            while (await watch.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line && !line.Contains("next poll")) { }
            return watch;
        }
        catch
        {
            // A watch that never finished its round would otherwise outlive the test.
            watch.Kill(entireProcessTree: true);
            watch.Dispose();
            throw;
        }
    }

    private static async Task StopAsync(Process watch)
    {
        await FeedArchive.TerminateAsync(watch);
        var drained = Task.WhenAll(watch.StandardOutput.ReadToEndAsync(), watch.StandardError.ReadToEndAsync());
        await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await drained;
        Assert.Equal(0, watch.ExitCode);
    }

    [Fact]
    public async Task The_lock_is_released_between_rounds_so_a_run_can_write()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        archive.Handle("a", (context, _) => FeedArchive.WriteFeedAsync(context, "a", Published));
        using var watch = await StartAfterFirstRoundAsync(archive, new Dictionary<string, string?>());
        try
        {
            var run = await archive.RunAsync("run", "--json");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("\"known\":1", run.Stdout);
        }
        finally
        {
            await StopAsync(watch);
        }
    }

    [Fact]
    public async Task A_round_after_a_writer_died_commits_what_it_left_even_with_nothing_new()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        using var git = new TestGit();
        git.InitWithFiles(archive.Archive.Path, new Dictionary<string, string>());
        archive.Handle("a", (context, _) => FeedArchive.WriteFeedAsync(context, "a", Published));
        // A writer that archived the feed and died before committing: its files and its lock are left.
        Assert.Equal(0, (await archive.RunAsync("run")).ExitCode);
        var paths = new NewsMirror.Archive.ArchivePaths(archive.Archive.Path);
        ArchiveLockTests.WriteLock(paths, ArchiveLockTests.LockJson(ArchiveLockTests.ExitedProcessId(), Environment.MachineName, DateTimeOffset.UtcNow));

        // Polled again at once (the run just now would otherwise put the first poll an interval away).
        using var watch = archive.Start(git.Environment, [.. FastWatch, "--commit"]);
        try
        {
            while (await watch.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line && !line.Contains("next poll")) { }
            await StopAsync(watch);
        }
        finally
        {
            if (!watch.HasExited) watch.Kill(entireProcessTree: true);
        }

        Assert.Contains("articles/a/", git.Run(archive.Archive.Path, "show", "--name-only", "--format=%s", "HEAD"));
        Assert.Equal("", git.Run(archive.Archive.Path, "status", "--porcelain"));
        Assert.False(File.Exists(paths.InterruptedMarker));
    }

    [Fact]
    public async Task A_round_that_archived_something_is_committed()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        using var git = new TestGit();
        git.Run(archive.Archive.Path, "init", "-q");
        archive.Handle("a", (context, _) => FeedArchive.WriteFeedAsync(context, "a", Published, Published.AddHours(1)));
        using var watch = await StartAfterFirstRoundAsync(archive, git.Environment, "--commit", "--status-file");
        await StopAsync(watch);

        var committed = git.Run(archive.Archive.Path, "show", "--name-only", "--format=%s", "HEAD");
        Assert.StartsWith("archive: 2 new", committed);
        Assert.Contains("articles/a/", committed);
        Assert.Contains("STATUS.md", committed);
        Assert.Single(git.Run(archive.Archive.Path, "rev-list", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
