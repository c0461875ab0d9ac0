using System.Diagnostics;
using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>One writer per archive, through the real executable: concurrent runs, stale locks, Ctrl+C.</summary>
public class RunLockTests
{
    private static readonly Dictionary<string, string?> NoExtraEnvironment = new();

    private static RssFixtureItem Item(string title, string link, string pubDate) => new(title, link, pubDate) { Description = "<p>x</p>" };

    private static readonly RssFixtureItem[] RfiItems =
    [
        Item("一", "https://www.rfi.fr/cn/1", "Tue, 26 Mar 2024 08:45:01 GMT"),
        Item("二", "https://www.rfi.fr/cn/2", "Tue, 26 Mar 2024 09:45:01 GMT"),
    ];

    /// <summary>Serves 法广's feed only once the test opens the gate, and says when the first request arrived.</summary>
    private static (TaskCompletionSource Arrived, TaskCompletionSource Gate) GateFeed(MirrorFixture m)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = System.Text.Encoding.UTF8.GetBytes(RssFixture.Document("法广", RfiItems));
        m.Server.Handle("rfi.xml", async context =>
        {
            arrived.TrySetResult();
            await gate.Task.WaitAsync(context.RequestAborted);
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(body);
        });
        return (arrived, gate);
    }

    /// <summary>A `run` of 法广 that holds the lock and waits for its feed until the gate opens.</summary>
    private sealed record HeldRun(Process Process, TaskCompletionSource Gate) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private static async Task<HeldRun> StartRunHeldAtTheFeedAsync(MirrorFixture m)
    {
        var (arrived, gate) = GateFeed(m);
        var run = CliProcess.Start(m.Archive.Path, NoExtraEnvironment, "run", "--only", "法广");
        await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return new HeldRun(run, gate);
    }

    private static async Task<CliProcess.Result> FinishAsync(Process process, Task<string>? stderrRead = null)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = stderrRead ?? process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Reads standard error until a line containing <paramref name="text"/> has arrived, then the rest in the background.</summary>
    private static async Task<Task<string>> ReadUntilAsync(Process process, string text)
    {
        var seen = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(text)) break;
        }
        Assert.Contains(text, seen.ToString());
        return ReadRest();

        async Task<string> ReadRest() => seen + await process.StandardError.ReadToEndAsync();
    }

    [Fact]
    public async Task A_second_run_exits_at_once_or_waits_for_the_first_and_nothing_is_archived_twice()
    {
        await using var m = await MirrorFixture.StartAsync();
        using var first = await StartRunHeldAtTheFeedAsync(m);

        var refused = await CliProcess.RunAsync(m.Archive.Path, "run", "--only", "法广");
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains($"in use by 'newsmirror run' (PID {first.Process.Id}", refused.Stderr);

        using var waiting = CliProcess.Start(m.Archive.Path, NoExtraEnvironment, "run", "--only", "法广", "--wait", "120", "--json");
        var waitingErrors = await ReadUntilAsync(waiting, "waiting up to 120 s");
        first.Gate.SetResult();

        var firstResult = await FinishAsync(first.Process);
        var waitingResult = await FinishAsync(waiting, waitingErrors);
        Assert.True(firstResult.ExitCode == 0, firstResult.Stderr);
        Assert.True(waitingResult.ExitCode == 0, waitingResult.Stderr);
        using var json = JsonDocument.Parse(waitingResult.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("sources")[0].GetProperty("known").GetInt32());
        Assert.Equal(["1048573.md", "1048574.md"], Directory.GetFiles(m.Archive.Combine("articles", "rfi")).Select(Path.GetFileName).Order().ToList());
        Assert.Equal(2, File.ReadAllLines(m.Archive.Combine(".newsmirror", "log", "rfi.jsonl")).Length);
        Assert.False(File.Exists(m.Archive.Combine(".newsmirror", "lock")));
    }

    [Fact]
    public async Task A_lock_left_by_a_dead_process_is_taken_over()
    {
        await using var m = await MirrorFixture.StartAsync();
        m.ServeFeed("rfi", RfiItems);
        using (var gone = Process.Start(new ProcessStartInfo("true"))!)
        {
            gone.WaitForExit();
            Directory.CreateDirectory(m.Archive.Combine(".newsmirror"));
            File.WriteAllText(m.Archive.Combine(".newsmirror", "lock"), JsonSerializer.Serialize(new
            {
                pid = gone.Id, host = Environment.MachineName, started = DateTimeOffset.UtcNow, command = "newsmirror run", token = "dead",
            }));
        }

        var result = await m.RunAsync("--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(m.Exists("articles/rfi/1048574.md"));
        Assert.False(File.Exists(m.Archive.Combine(".newsmirror", "lock")));
    }

    [Fact]
    public async Task Ctrl_C_releases_the_lock()
    {
        await using var m = await MirrorFixture.StartAsync();
        using var held = await StartRunHeldAtTheFeedAsync(m);
        Assert.True(File.Exists(m.Archive.Combine(".newsmirror", "lock")));

        using (var interrupt = Process.Start("kill", ["-INT", held.Process.Id.ToString()])) await interrupt.WaitForExitAsync();
        var result = await FinishAsync(held.Process);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("interrupted", result.Stderr);
        Assert.False(File.Exists(m.Archive.Combine(".newsmirror", "lock")));
        Assert.False(Directory.Exists(m.Archive.Combine("articles", "rfi")));
    }
}
