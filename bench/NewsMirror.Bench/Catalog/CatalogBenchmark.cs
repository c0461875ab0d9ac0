using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Bench.Catalog;

/// <summary>
/// The catalog benchmark: generates an archive, then times import, text indexing, search, a rebuild from the logs
/// (a fresh clone), no-op runs and a run with 50 new items. Arguments: [--articles N] [--dir DIR]; the folder is
/// deleted at the end.
/// </summary>
internal static class CatalogBenchmark
{
    public static int Run(string[] args)
    {
        int articles = 200_000;
        string? dir = null;
        bool search = !args.Contains("--no-search");
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--articles") articles = int.Parse(args[i + 1]);
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
        ArchiveGenerator.Generate(paths, articles);
        Report($"generate {articles} articles", Seconds(timer.Elapsed));

        using (var catalog = ArchiveCatalog.Open(paths, BuiltInSources.All, buildFolders: false))
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

        var logBytes = Directory.EnumerateFiles(Path.Combine(paths.StateFolder, "log")).Sum(f => new FileInfo(f).Length);
        Report("identity logs", $"{logBytes / 1048576.0:0.0} MiB");
        DeleteCatalog(paths);
        timer.Restart();
        using (var catalog = ArchiveCatalog.Open(paths, BuiltInSources.All))
        {
            catalog.CatchUpAll();
            Report("rebuild catalog from logs (fresh clone)", $"{Seconds(timer.Elapsed)} ({catalog.Count() / timer.Elapsed.TotalSeconds:0} articles/s)");
        }

        using var server = new FeedServer();
        var known = KnownItems(paths);
        var yaml = new StringBuilder("sources:\n");
        foreach (var source in BuiltInSources.All)
        {
            yaml.Append($"  - name: {source.Name}\n    url: {server.BaseUrl}{source.Folder}\n    fulltext: none\n    ids: countdown\n    categories: any\n");
            server.Serve(source.Folder, known[source.Folder]);
        }
        File.WriteAllText(paths.SourcesFile, yaml.ToString());

        DeleteCatalog(paths);
        Report("no-op run, fresh clone (no catalog.db): newsmirror run", Seconds(RunNewsMirror(paths, expectedNew: 0)));
        Report("no-op run with the catalog: newsmirror run", Seconds(RunNewsMirror(paths, expectedNew: 0)));
        var text = new SyntheticText(99);
        for (int f = 0; f < ArchiveGenerator.Folders.Length; f++)
        {
            var folder = ArchiveGenerator.Folders[f];
            int fresh = f == 0 ? 50 - 5 * (ArchiveGenerator.Folders.Length - 1) : 5;
            server.Serve(folder, known[folder].Concat(Enumerable.Range(0, fresh).Select(i =>
                (text.Title(), $"https://www.example.com/{folder}/new-{i}", DateTimeOffset.UtcNow.AddMinutes(-i), text.Body(600)))));
        }
        Report("run with 50 new items: newsmirror run", Seconds(RunNewsMirror(paths, expectedNew: 50)));

        Directory.Delete(dir, recursive: true);
        Console.WriteLine();
        Console.WriteLine("| step | result |\n|---|---|");
        foreach (var (what, value) in results) Console.WriteLine($"| {what} | {value} |");
        return 0;
    }

    private static void DeleteCatalog(ArchivePaths paths)
    {
        foreach (var file in Directory.EnumerateFiles(paths.StateFolder, ArchiveCatalog.FileName + "*")) File.Delete(file);
    }

    /// <summary>The newest 30 articles of each folder, as their feeds would still carry them.</summary>
    private static Dictionary<string, List<(string, string, DateTimeOffset, string)>> KnownItems(ArchivePaths paths)
    {
        using var catalog = ArchiveCatalog.Open(paths, BuiltInSources.All);
        return ArchiveGenerator.Folders.ToDictionary(f => f, f => catalog.Folder(f).Newest(30)
            .Select(r => (r.Title, r.Link, DateTimeOffset.FromUnixTimeMilliseconds(r.TimestampMs!.Value), "<p>正文</p>")).ToList());
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

    private static IEnumerable<(string Kind, string[] Queries)> SearchQueries() =>
    [
        ("1 common character", ["国", "会", "人", "经", "美"]),
        ("1 rarer character", ["震", "候", "灾", "龙", "臺"]),
        ("2 characters", ["香港", "新疆", "北京", "选举", "制裁", "導彈", "病毒", "股市", "日本", "台湾"]),
        ("3+ characters", ["俄罗斯", "乌克兰", "外交部", "國際", "记者报道", "中国经济", "总统选举", "人权抗议"]),
        ("English word", ["Trump", "huawei", "G20", "NATO", "tiktok", "covid"]),
        ("mixed, two terms", ["Trump 制裁", "香港 记者", "Biden 选举", "新疆 人权", "Apple 中国"]),
    ];
}
