using System.Diagnostics;
using System.Globalization;
using NewsMirror.Archive;
using NewsMirror.Bench.Archives;
using NewsMirror.Catalog;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// <c>rebuild ARCHIVE [--runs N]</c>: deletes the archive's catalog.db and rebuilds it from the identity logs in
/// process, N times; for profiling the fresh-clone path by hand (<c>perf record</c>, <c>dotnet-trace</c>).
/// </summary>
internal static class RebuildCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("give the archive folder");
        var root = Path.GetFullPath(args[0]);
        int runs = args.Length >= 3 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        for (int run = 0; run < runs; run++)
        {
            CatalogMeasures.DeleteCatalog(root);
            var timer = Stopwatch.StartNew();
            int count;
            using (var catalog = ArchiveCatalog.Open(new ArchivePaths(root), SyntheticArchive.Sources))
            {
                catalog.CatchUpAll();
                count = catalog.Count();
            }
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20);
            Console.WriteLine($"{count:N0} articles in {timer.Elapsed.TotalSeconds:0.00} s ({count / timer.Elapsed.TotalSeconds:N0}/s), peak working set {peak} MiB");
        }
        return 0;
    }
}
