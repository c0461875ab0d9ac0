using NewsMirror.Bench.Loopback;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// The archive's daily life at full feeds (issue 17's comparison with the reference script): the nine built-in outlets
/// with <see cref="FeedSize"/> items each (中国数字时代's bodies from its article pages) into an empty archive, then the
/// same feeds an hour later with one new item each; with <c>cleanup: none</c> and with the default cleanup. Each
/// repetition starts from an empty archive; the hourly run is timed on the archive its first run left.
/// </summary>
internal sealed class HourlyScenario(NewsMirrorCommand command, int runs, string dataFolder, Action<string> progress)
{
    public const int FeedSize = 300;
    private const int Outlets = 9;

    public static readonly (string Target, double Wall, double Cpu) FirstTarget = ("≤ 1.3 s wall, ≤ 1.5 s CPU, ≤ 110 MiB", 1.3, 1.5);
    public static readonly (string Target, double Wall, double Cpu) HourlyTarget = ("≤ 0.5 s wall, ≤ 0.6 s CPU, ≤ 110 MiB", 0.5, 0.6);
    private const double RssLimitMiB = 110;

    public async Task<List<ResultRow>> RunAsync()
    {
        var rows = new List<ResultRow>();
        await using var server = await FeedServer.StartAsync();
        var window = new FeedWindow(server);
        var feeds = new OutletFeeds(server);
        // Each repetition gets a folder of its own, removed only when every run is timed: ext4 without a journal (this
        // machine's) checks every recently deleted inode before reusing it, so creating 2,700 files right after
        // deleting the previous repetition's cost a third of the first run's CPU — a cost a mirror never meets.
        var scenario = Path.Combine(dataFolder, $"hourly-{DateTime.UtcNow:yyyyMMddHHmmss}");
        try
        {
            foreach (var cleanup in new[] { "none", "default" })
                rows.AddRange(RunCleanup(cleanup, scenario, window, feeds));
        }
        finally
        {
            if (Directory.Exists(scenario)) Directory.Delete(scenario, recursive: true);
        }
        return rows;
    }

    private IEnumerable<ResultRow> RunCleanup(string cleanup, string scenario, FeedWindow window, OutletFeeds feeds)
    {
        var first = new List<ProcessSample>();
        var hourly = new List<ProcessSample>();
        for (int run = 0; run < runs; run++)
        {
            var root = Path.Combine(scenario, $"{cleanup}-{run}");
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "newsmirror.yml"), feeds.SourcesFile(cleanup));

            window.Serve(newest: FeedSize - 1, size: FeedSize);
            first.Add(Checked(command.Run(root, "run", "--archive", root), root, Outlets * FeedSize, "first run"));
            window.Serve(newest: FeedSize, size: FeedSize);
            hourly.Add(Checked(command.Run(root, "run", "--archive", root), root, Outlets * (FeedSize + 1), "hourly run"));
            progress($"cleanup: {cleanup}, run {run + 1}: first {first[^1].WallSeconds:0.00} s, hourly {hourly[^1].WallSeconds:0.00} s");
        }
        return [
            Row($"first run, 9 outlets × {FeedSize} items, cleanup: {cleanup}", first, FirstTarget),
            Row($"hourly run (one new item per feed), cleanup: {cleanup}", hourly, HourlyTarget),
        ];
    }

    private static ProcessSample Checked(ProcessSample sample, string root, int expected, string what)
    {
        var articles = Path.Combine(root, "articles");
        int written = Directory.Exists(articles) ? Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Count() : 0;
        if (sample.ExitCode != 0 || written != expected)
            throw new InvalidOperationException($"{what}: exit code {sample.ExitCode}, {written} articles in the archive (expected {expected}):\n{sample.Output}");
        return sample;
    }

    private static ResultRow Row(string what, List<ProcessSample> samples, (string Target, double Wall, double Cpu) target)
    {
        var wall = Spread.Of(samples.Select(s => s.WallSeconds));
        var cpu = Spread.Of(samples.Select(s => s.CpuSeconds));
        var rss = Spread.Of(samples.Select(s => s.PeakRssMiB));
        bool met = wall.Median <= target.Wall && cpu.Median <= target.Cpu && rss.Median <= RssLimitMiB;
        return new ResultRow(what, $"wall {wall.Format("s")}; CPU {cpu.Format("s")}; peak RSS {rss.Format("MiB", "0")}", target.Target, met);
    }
}
