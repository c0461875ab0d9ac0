using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Catalog.Postgres;

/// <summary>What a worker may take on: <c>--max-sources</c>, and the layouts a fleet can share.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetWorkerLimitTests(PostgresCluster cluster)
{
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_worker_with_once_and_max_sources_2_archives_two_sources_and_leaves_the_rest_due_for_another_worker()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 7, items: 3);

        var first = await Fleet.WaitAsync(fleet.StartWorker(fleet.Clone(), "--once", "--max-sources", "2"), WorkerTimeout);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("done: 2 sources, 6 new articles", first.Stderr);
        var (links, _, clone) = fleet.Inspect();
        Assert.Equal(2, links.Count);
        Assert.All(links.Values, found => Assert.Equal(3, found.Count));
        var status = await CliProcess.RunAsync(clone, "status", "--catalog", fleet.Catalog, "--json");
        Assert.True(status.ExitCode == 0, status.Stderr);
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToList();
            var polled = sources.Where(s => s.GetProperty("lastSuccess").ValueKind == JsonValueKind.String).Select(s => s.GetProperty("name").GetString()).Order();
            Assert.Equal(links.Keys.Order(), polled);
            Assert.All(sources, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("owner").ValueKind));
        }

        var second = await Fleet.WaitAsync(fleet.StartWorker(fleet.Clone(), "--once"), WorkerTimeout);

        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("done: 5 sources, 15 new articles", second.Stderr);
        fleet.AssertComplete();
    }

    [Fact]
    public async Task A_worker_refuses_the_jekyll_layout_with_an_error_naming_the_setting_and_publishes_nothing()
    {
        await using var fleet = await Fleet.StartAsync(cluster, sources: 2, items: 1);
        var clone = fleet.Clone();
        var yml = Path.Combine(clone, "newsmirror.yml");
        File.WriteAllText(yml, "layout: jekyll\n" + File.ReadAllText(yml));

        var result = await Fleet.WaitAsync(fleet.StartWorker(clone, "--once"), WorkerTimeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("newsmirror worker needs the duty layout (layout: duty in newsmirror.yml)", result.Stderr);
        Assert.Contains("the jekyll layout keeps every source in one folder", result.Stderr);
        Assert.Empty(fleet.Inspect().Links);
        Assert.Single(fleet.Git.Run(fleet.Inspect().Clone, "rev-list", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
