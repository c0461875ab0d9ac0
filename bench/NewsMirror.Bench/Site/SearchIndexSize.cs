using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Bench.Archives;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Bench.Site;

/// <summary>
/// The size of the site's search index: generates the benchmarks' synthetic archive (<see cref="SyntheticArchive"/>),
/// builds the site and sums the index files by kind. Arguments: [--articles N] [--dir DIR]; the folder is
/// deleted at the end. Figures for docs/SITE.md.
/// </summary>
internal static class SearchIndexSize
{
    public static int Run(string[] args)
    {
        int articles = 10_000;
        string? dir = null;
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--articles") articles = int.Parse(args[i + 1]);
            if (args[i] == "--dir") dir = args[i + 1];
        }
        dir ??= Path.Combine(Path.GetTempPath(), "newsmirror-site-index-bench");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        try
        {
            var paths = new ArchivePaths(dir);
            SyntheticArchive.Generate(paths, articles, DateTimeOffset.UtcNow);
            long archiveBytes = Directory.GetFiles(Path.Combine(dir, "articles"), "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var clock = Stopwatch.StartNew();
            var site = Path.Combine(dir, "site");
            SiteBuilder.Build(new SiteBuildOptions(dir, site, SyntheticArchive.Sources.Select(s => (s.Name, s.Folder)).ToList()));
            var built = clock.Elapsed;

            var files = Directory.GetFiles(Path.Combine(site, "search"), "*.js");
            long Bytes(string prefix) => files.Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
            long terms = Bytes("t") + Bytes("r"), documents = Bytes("d"), total = files.Sum(f => new FileInfo(f).Length);
            double per10k = 10_000.0 / articles;
            Console.WriteLine($"articles: {articles}, article files: {archiveBytes / 1048576.0:0.0} MiB, site build: {built.TotalSeconds:0.0} s");
            Console.WriteLine("| index part | size | per 10k articles |\n|---|---|---|");
            foreach (var (what, bytes) in new[] { ("term shards (t*.js, r*.js)", terms), ("document blocks with excerpts (d*.js)", documents), ("all of search/", total) })
                Console.WriteLine($"| {what} | {bytes / 1048576.0:0.0} MiB | {bytes * per10k / 1048576.0:0.0} MiB |");
            Console.WriteLine($"| files in search/ | {files.Length} | |");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
