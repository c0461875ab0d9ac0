using System.Diagnostics;
using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Bench.Archives;
using NewsMirror.Bench.Loopback;
using NewsMirror.Catalog;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// The catalog's life on one archive (bench/run.sh --catalog): generates a <see cref="SyntheticArchive"/> without its
/// identity logs (as the reference script leaves an archive), then times import, text indexing, search by kind of
/// query, a rebuild from the logs (a fresh clone), no-op runs and a run with new items, the runs as real
/// <c>newsmirror run</c> processes against <see cref="OutletFeeds"/>. Arguments: [--articles N] [--dir DIR]
/// [--no-search]; the folder is deleted at the end.
/// </summary>
internal static class CatalogBenchmark
{
    private const int KnownPerFeed = 30;
    private const int FreshPerFeed = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        int articles = 200_000;
        string? dir = null;
        bool search = !args.Contains("--no-search");
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--articles") articles = SuiteOptions.ParseSize(args[i + 1]);
            if (args[i] == "--dir") dir = args[i + 1];
        }
        dir ??= Path.Combine(Path.GetTempPath(), "newsmirror-catalog-bench");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var paths = new ArchivePaths(dir);
        var results = new List<(string What, string Value)>();
        // --no-search leaves out text indexing and search: the quick way to measure runs on a large archive.
        void Report(string what, string value)
        {
            results.Add((what, value));
            Console.WriteLine($"{what}: {value}");
        }
        static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.00} s";

        var timer = Stopwatch.StartNew();
        SyntheticArchive.Generate(paths, articles, DateTimeOffset.UtcNow);
        // The reference script keeps no identity logs: import writes them.
        Directory.Delete(paths.StateFolder, recursive: true);
        Report($"generate {articles} articles", Seconds(timer.Elapsed));

        using (var catalog = ArchiveCatalog.Open(paths, SyntheticArchive.Sources, buildFolders: false))
        {
            timer.Restart();
            var (folders, total) = ArchiveImport.Plan(catalog);
            var import = ArchiveImport.Run(catalog, folders, DateTimeOffset.UtcNow);
            Report("import: read every file, write log lines, build catalog", $"{Seconds(timer.Elapsed)} ({total / timer.Elapsed.TotalSeconds:0} articles/s, {import.Anomalies.Count} anomalies)");

            if (search)
            {
                timer.Restart();
                CatalogSearchIndex.IndexPending(catalog);
                Report("import: index text for search", $"{Seconds(timer.Elapsed)} ({total / timer.Elapsed.TotalSeconds:0} articles/s)");
                Report("catalog.db size", $"{new FileInfo(ArchiveCatalog.PathOf(paths)).Length / 1048576.0:0} MiB");

                foreach (var (kind, queries) in SearchQueries())
                {
                    var times = new List<double>();
                    int hits = 0;
                    foreach (var query in queries)
                    {
                        timer.Restart();
                        hits += ArchiveSearch.Run(catalog, new SearchRequest(query)).Total;
                        times.Add(timer.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    Report($"search, {kind} ({queries.Length} queries, {hits / queries.Length} matches each on average)",
                        $"p50 {times[times.Count / 2]:0.0} ms, p99 {times[(int)Math.Ceiling(times.Count * 0.99) - 1]:0.0} ms");
                }
            }
        }

        var logBytes = Directory.EnumerateFiles(paths.IdentityLogFolder).Sum(f => new FileInfo(f).Length);
        Report("identity logs", $"{logBytes / 1048576.0:0.0} MiB");
        CatalogMeasures.DeleteCatalog(paths.Root);
        timer.Restart();
        using (var catalog = ArchiveCatalog.Open(paths, SyntheticArchive.Sources))
        {
            catalog.CatchUpAll();
            Report("rebuild catalog from logs (fresh clone)", $"{Seconds(timer.Elapsed)} ({catalog.Count() / timer.Elapsed.TotalSeconds:0} articles/s)");
        }

        await using var server = await FeedServer.StartAsync();
        var feeds = new OutletFeeds(server);
        feeds.Serve(articles, KnownPerFeed, fresh: 0, seed: 0);
        File.WriteAllText(paths.SourcesFile, feeds.SourcesFile());

        CatalogMeasures.DeleteCatalog(paths.Root);
        Report("no-op run, fresh clone (no catalog.db): newsmirror run", Seconds(RunNewsMirror(paths, expectedNew: 0)));
        Report("no-op run with the catalog: newsmirror run", Seconds(RunNewsMirror(paths, expectedNew: 0)));
        int sources = SyntheticArchive.Sources.Count;
        feeds.Serve(articles, KnownPerFeed, FreshPerFeed, seed: 1);
        Report($"run with {sources} × {FreshPerFeed} new items: newsmirror run", Seconds(RunNewsMirror(paths, expectedNew: sources * FreshPerFeed)));

        Directory.Delete(dir, recursive: true);
        Console.WriteLine();
        Console.WriteLine("| step | result |\n|---|---|");
        foreach (var (what, value) in results) Console.WriteLine($"| {what} | {value} |");
        return 0;
    }

    /// <summary>A real <c>newsmirror run</c> process, timed from start to exit; prints the run's own time and its slowest source.</summary>
    private static TimeSpan RunNewsMirror(ArchivePaths paths, int expectedNew)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "newsmirror.dll"), "run", "--archive", paths.Root, "--json" })
            start.ArgumentList.Add(arg);
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = timer.Elapsed;
        var report = JsonDocument.Parse(output).RootElement;
        var slowest = report.GetProperty("sources").EnumerateArray().MaxBy(source => source.GetProperty("elapsedMs").GetInt64());
        Console.WriteLine($"  run's own time {report.GetProperty("elapsedMs").GetInt64()} ms, slowest source {slowest.GetProperty("folder").GetString()} {slowest.GetProperty("elapsedMs").GetInt64()} ms");
        var archived = report.GetProperty("new").GetInt32();
        if (archived != expectedNew) throw new InvalidOperationException($"expected {expectedNew} new articles, the run archived {archived}: {output}");
        return elapsed;
    }

    /// <summary>Queries by kind, in the words and characters <see cref="Synthetic.NewsText"/> writes.</summary>
    private static IEnumerable<(string Kind, string[] Queries)> SearchQueries() =>
    [
        ("1 common character", ["国", "会", "人", "经", "美"]),
        ("1 rarer character (a traditional spelling)", ["龍", "臺", "權", "據", "聲"]),
        ("2 characters", ["香港", "新疆", "北京", "美国", "日本", "台湾", "經濟", "會議", "政府", "外交"]),
        ("3+ characters", ["俄罗斯", "乌克兰", "外交部", "總統選舉", "记者报道", "中国经济", "国际安全", "人民警方"]),
        ("English word", ["Trump", "huawei", "G20", "NATO", "tiktok", "covid"]),
        ("mixed, two terms", ["Trump 经济", "香港 记者", "Biden 政府", "新疆 人民", "Huawei 中国"]),
    ];
}
