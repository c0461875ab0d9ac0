using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Bench.Archives;
using NewsMirror.Catalog;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// <c>text-index DIR [--articles N] [--automerge N] [--optimize]</c>: generates a synthetic archive of N articles in DIR
/// unless one is there, deletes its catalog.db, rebuilds it from the logs and indexes all text in process, printing wall
/// and CPU time every 20,000 articles (the rate's trend as the index grows) and at the end. For comparing indexing designs
/// back to back: <c>--automerge</c> sets FTS5's automerge (0: no merging while loading), <c>--optimize</c> merges the index
/// into one segment at the end (timed on its own).
/// </summary>
internal static class TextIndexCommand
{
    private const int ReportEvery = 20_000;

    public static int Run(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("give the archive folder");
        var paths = new ArchivePaths(Path.GetFullPath(args[0]));
        int articles = 200_000;
        for (int i = 1; i < args.Length - 1; i++)
            if (args[i] == "--articles") articles = SuiteOptions.ParseSize(args[i + 1]);
        string? automerge = null;
        for (int i = 1; i < args.Length - 1; i++)
            if (args[i] == "--automerge") automerge = args[i + 1];
        if (!Directory.Exists(paths.Root)) SyntheticArchive.Generate(paths, articles, DateTimeOffset.UtcNow);
        CatalogMeasures.DeleteCatalog(paths.Root);
        using var catalog = ArchiveCatalog.Open(paths, SyntheticArchive.Sources);
        catalog.CatchUpAll();
        if (automerge is not null) Fts5Command(paths, $"INSERT INTO article_text(article_text, rank) VALUES ('automerge', {int.Parse(automerge, System.Globalization.CultureInfo.InvariantCulture)})");
        var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var cpuAtStart = process.TotalProcessorTime;
        double lastWall = 0, lastCpu = 0;
        int next = ReportEvery, lastDone = 0;
        string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var progress = new Reporter(done =>
        {
            if (done < next) return;
            process.Refresh();
            double seconds = wall.Elapsed.TotalSeconds, cpu = (process.TotalProcessorTime - cpuAtStart).TotalSeconds;
            Console.WriteLine($"{done,9:N0}  wall {seconds,7:0.0} s  cpu {cpu,7:0.0} s  last {done - lastDone:N0}: {(done - lastDone) / (seconds - lastWall),6:N0}/s wall, {(cpu - lastCpu) / (done - lastDone) * 1e6,5:0} µs cpu each  load {Load()}");
            (lastWall, lastCpu, lastDone) = (seconds, cpu, done);
            next = (done / ReportEvery + 1) * ReportEvery;
        });
        int indexed = CatalogSearchIndex.IndexPending(catalog, progress);
        process.Refresh();
        double total = wall.Elapsed.TotalSeconds, totalCpu = (process.TotalProcessorTime - cpuAtStart).TotalSeconds;
        Console.WriteLine($"indexed {indexed:N0} in {total:0.0} s ({indexed / total:N0}/s), cpu {totalCpu:0.0} s ({totalCpu / indexed * 1e6:0} µs each), load {Load()}; catalog.db {new FileInfo(ArchiveCatalog.PathOf(paths)).Length >> 20} MiB");
        if (args.Contains("--optimize"))
        {
            var timer = Stopwatch.StartNew();
            Fts5Command(paths, "INSERT INTO article_text(article_text) VALUES ('optimize')");
            process.Refresh();
            Console.WriteLine($"optimize {timer.Elapsed.TotalSeconds:0.0} s, cpu now {(process.TotalProcessorTime - cpuAtStart).TotalSeconds:0.0} s, load {Load()}; catalog.db {new FileInfo(ArchiveCatalog.PathOf(paths)).Length >> 20} MiB");
        }
        return 0;
    }

    /// <summary>A statement on the catalog's FTS5 table through a connection of its own (the catalog's is not public).</summary>
    private static void Fts5Command(ArchivePaths paths, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ArchiveCatalog.PathOf(paths)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
