using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsMirror.Archive;
using NewsMirror.Archive.Layouts.DutyMachine;
using NewsMirror.Bench.Archives;
using NewsMirror.Bench.Loopback;
using NewsMirror.Bench.Synthetic;
using NewsMirror.Catalog;
using NewsMirror.Evidence.Probes;
using NewsMirror.Fetching;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// <c>probes [--articles 200000] [--pages 400] [--dir DIR]</c>: what probing costs an hourly run (docs/PERFORMANCE.md,
/// "Probes"). Measures (1) choosing the due probes in an archive of that many articles, with none due and as an audit
/// of all, and (2) the cost of one probe — fetch from a loopback server, decode, extract, compare, log — over
/// <c>--pages</c> article pages of realistic size, with the run's concurrency (two per host). Prints a table.
/// </summary>
internal static class ProbeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var articles = Option(args, "--articles", 200_000);
        var pages = Option(args, "--pages", 400);
        var dir = Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "newsmirror-probe-bench");

        var large = new ArchivePaths(Path.Combine(dir, $"archive-{articles}"));
        if (!File.Exists(large.Readme))
        {
            Console.Error.WriteLine($"writing an archive of {articles:N0} articles in {large.Root}…");
            SyntheticArchive.Generate(large, articles, DateTimeOffset.UtcNow - TimeSpan.FromDays(400));
        }
        using (var catalog = ArchiveCatalog.Open(large, SyntheticArchive.Sources)) catalog.CatchUpAll();
        var selectNone = await Time(() => SelectAsync(large, all: false));
        var selectAll = await Time(() => SelectAsync(large, all: true));

        await using var server = await FeedServer.StartAsync();
        var small = new ArchivePaths(Path.Combine(dir, $"pages-{Guid.NewGuid():N}"));
        var source = WritePageArchive(small, server, pages);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        ProbeReport report;
        using (var catalog = ArchiveCatalog.Open(small, [source]))
        using (var fetcher = new HttpFetcher())
            report = await new ProbeRun(small, catalog, fetcher, new HostLimiter(2), TimeProvider.System)
                .RunAsync([source], new ProbeRequest { All = true }, CancellationToken.None);
        timer.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Directory.Delete(small.Root, recursive: true);
        if (report.Count(ProbeOutcomes.Live) != pages) throw new InvalidOperationException($"expected {pages} live pages, got {report.Probes.Count} probes");

        var perProbe = timer.Elapsed / pages;
        Console.WriteLine($"| measure | value |");
        Console.WriteLine($"|---|---|");
        Console.WriteLine($"| choosing due probes, {articles:N0} articles, none due | {selectNone.TotalMilliseconds:N0} ms |");
        Console.WriteLine($"| choosing probes for an audit (--all), {articles:N0} articles | {selectAll.TotalMilliseconds:N0} ms |");
        Console.WriteLine($"| {pages} probes of {PageBytes / 1024} KiB pages, 2 at a time (one host) | {timer.Elapsed.TotalSeconds:0.00} s wall, {cpuUsed.TotalSeconds:0.00} s CPU |");
        Console.WriteLine($"| per probe | {perProbe.TotalMilliseconds:0.0} ms wall, {cpuUsed.TotalMilliseconds / pages:0.0} ms CPU |");
        return 0;
    }

    private static async Task SelectAsync(ArchivePaths paths, bool all)
    {
        using var catalog = ArchiveCatalog.Open(paths, SyntheticArchive.Sources);
        using var fetcher = new HttpFetcher();
        var report = await new ProbeRun(paths, catalog, fetcher, new HostLimiter(2), TimeProvider.System)
            .RunAsync(SyntheticArchive.Sources, new ProbeRequest { All = all, Limit = 0 }, CancellationToken.None);
        if (report.Probes.Count != 0) throw new InvalidOperationException("a selection made probes");
    }

    private static async Task<TimeSpan> Time(Func<Task> work)
    {
        await work(); // warm: the first pass creates the probe tables and JIT-compiles
        var timer = Stopwatch.StartNew();
        await work();
        return timer.Elapsed;
    }

    private static int PageBytes;

    /// <summary>An archive of <paramref name="count"/> articles whose links are pages on <paramref name="server"/>.</summary>
    private static SourceConfig WritePageArchive(ArchivePaths paths, FeedServer server, int count)
    {
        var source = new SourceConfig { Name = "bench", Folder = "bench", Url = server.BaseUrl + "/feed.xml", AllowHosts = ["127.0.0.1"] };
        var directory = Directory.CreateDirectory(paths.ArticlesFolder(source.Folder)).FullName;
        var text = new NewsText(7);
        var log = new List<IdentityLogEntry>();
        var archived = DateTimeOffset.UtcNow - TimeSpan.FromHours(2);
        for (var i = 0; i < count; i++)
        {
            var title = text.Title();
            var body = text.ArchivedBody(source.Folder, 6 + i % 10);
            var page = Encoding.UTF8.GetBytes(Page(title, body));
            PageBytes = page.Length;
            var link = server.Put($"/news/{i}.html", page, "text/html; charset=utf-8");
            var id = ArticleId.FirstId - i;
            var record = new ArticleRecord(archived.ToUnixTimeMilliseconds(), title, link, body);
            var file = ArticleFileName.Format(id);
            File.WriteAllText(Path.Combine(directory, file), ArticleFile.Render(record));
            log.Add(new IdentityLogEntry(id, file, link, link, title, record.TimestampMs, archived) { Hash = ContentHash.Of(record) });
        }
        IdentityLog.Append(paths.IdentityLog(source.Folder), log);
        return source;
    }

    /// <summary>An outlet's page: the article inside the navigation, sidebars and scripts that make a real page 40–60 KiB.</summary>
    private static string Page(string title, string body)
    {
        var chrome = new StringBuilder();
        for (var i = 0; i < 120; i++) chrome.Append($"<li><a href=\"/section/{i}\">栏目{i} 新闻 评论 视频</a></li>");
        var script = new string('x', 12_000);
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{System.Security.SecurityElement.Escape(title)}</title><script>var s='{script}';</script></head>" +
            $"<body><header><nav><ul>{chrome}</ul></nav></header><main><article><h1>{System.Security.SecurityElement.Escape(title)}</h1>{body}</article>" +
            $"<aside><ul>{chrome}</ul></aside></main><footer>版权所有</footer></body></html>";
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } value ? int.Parse(value.Replace("_", ""), CultureInfo.InvariantCulture) : fallback;
}
