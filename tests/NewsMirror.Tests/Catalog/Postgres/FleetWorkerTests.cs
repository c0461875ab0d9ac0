using Microsoft.AspNetCore.Http;
using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Catalog.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class FleetWorkerTests(PostgresCluster cluster)
{
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Three_workers_archive_300_sources_each_item_once_with_a_linear_history_that_verifies()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 300, items: 3);
        var workers = Enumerable.Range(0, 3).Select(_ => fleet.StartWorker(fleet.Clone(), "--once")).ToList();
        var results = await Task.WhenAll(workers.Select(w => Fleet.WaitAsync(w, WorkerTimeout)));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));

        fleet.AssertComplete();
        var (_, _, clone) = fleet.Inspect();
        var verify = await CliProcess.RunAsync(clone, "verify");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        var status = await CliProcess.RunAsync(clone, "status", "--catalog", fleet.Catalog, "--json");
        Assert.True(status.ExitCode == 0, status.Stderr);
        using var json = JsonDocument.Parse(status.Stdout);
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(300, sources.Count);
        Assert.All(sources, s => Assert.Equal(JsonValueKind.String, s.GetProperty("lastSuccess").ValueKind));
        Assert.All(sources, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("owner").ValueKind));
        Assert.Equal(3, json.RootElement.GetProperty("workers").GetArrayLength());
    }

    [Fact]
    public async Task A_worker_killed_at_random_points_ten_times_loses_nothing_and_duplicates_nothing()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 120, items: 3);
        var steady = Enumerable.Range(0, 2).Select(_ => fleet.StartWorker(fleet.Clone(), "--once", "--batch", "2")).ToList();
        var victimClone = fleet.Clone();
        var random = new Random(18);
        var killed = 0;
        for (var round = 0; round < 10; round++)
        {
            using var victim = fleet.StartWorker(victimClone, "--batch", "4");
            _ = victim.StandardOutput.ReadToEndAsync();
            _ = victim.StandardError.ReadToEndAsync();
            // A random point of its life: starting, claiming, fetching, committing or pushing.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));
            if (!victim.HasExited)
            {
                victim.Kill(entireProcessTree: true);
                killed++;
            }
            await victim.WaitForExitAsync();
        }
        Assert.Equal(10, killed);
        var results = await Task.WhenAll(steady.Select(w => Fleet.WaitAsync(w, WorkerTimeout)));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        // A last worker in the victim's clone: whatever the kills left there is set aside, not published.
        var last = await Fleet.WaitAsync(fleet.StartWorker(victimClone, "--once"), WorkerTimeout);
        Assert.True(last.ExitCode == 0, last.Stderr);

        fleet.AssertComplete();
    }

    [Fact]
    public async Task A_worker_whose_database_stops_mid_run_fails_cleanly_and_the_fleet_continues_after_a_restart()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 6, items: 3);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fleet.Server.Handle("s0000.xml", async context =>
        {
            reached.TrySetResult();
            await release.Task;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(Support.RssFixture.Document("s0000", Enumerable.Range(0, 3).Select(i =>
                new Support.RssFixtureItem($"s0000 标题 {i}", $"https://example.org/s0000/{i}", "Wed, 01 May 2024 08:00:00 GMT") { Description = "<p>正文</p>" })));
        });
        var clone = fleet.Clone();
        var worker = fleet.StartWorker(clone, "--once", "--batch", "6");
        var waiting = Fleet.WaitAsync(worker, WorkerTimeout);
        await reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
        cluster.Stop();
        try
        {
            release.SetResult();
            var (exit, stderr) = await waiting;
            Assert.Equal(3, exit);
            Assert.Contains($"127.0.0.1:{cluster.Port}", stderr);
            Assert.Contains("nothing half-recorded", stderr);
            // Nothing of the abandoned batch is left in the clone or was published.
            Assert.Equal("", fleet.Git.Run(clone, "status", "--porcelain", "--", "articles", ".newsmirror/log").Trim());
            Assert.Empty(fleet.Inspect().Links);
        }
        finally
        {
            cluster.Start();
        }
        var resumed = await Fleet.WaitAsync(fleet.StartWorker(clone, "--once"), WorkerTimeout);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        fleet.AssertComplete();
    }
}
