using NewsMirror.Archive;
using NewsMirror.Fetching;
using NewsMirror.Running;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;
using Xunit.Abstractions;
using NewsMirror.Identity;

namespace NewsMirror.Tests.Reliability;

/// <summary>Runs that overlap, and many sources squeezed through few connections: nothing deadlocks, nothing is written twice.</summary>
public class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_runs_on_one_archive_at_once_write_each_article_once()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new ReliabilityArchive();
        var folders = new[] { "one", "two" };
        foreach (var folder in folders) server.Serve(folder + ".xml", HostileResponses.Feed(folder, 80));
        archive.WriteSources(folders.Select(f => (f, server.Url(f + ".xml"), "")).ToArray());

        // One writer per archive: the second run waits for the first (`--wait`), then finds its articles archived.
        var runs = await Task.WhenAll(archive.RunAsync("--json", "--wait", "120"), archive.RunAsync("--json", "--wait", "120"));

        foreach (var run in runs) output.WriteLine($"exit {run.ExitCode}: {run.Stdout}{run.Stderr}");
        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(2 * 80, runs.Sum(r => System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement.GetProperty("new").GetInt32()));
        foreach (var folder in folders)
        {
            var links = archive.ArticleFiles(folder).Select(f => ArticleFile.Parse(File.ReadAllText(f)).Link).ToList();
            Assert.Equal(80, links.Count);
            Assert.Equal(links.Count, links.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_run_and_a_watch_started_together_on_one_archive_write_each_article_once()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new ReliabilityArchive();
        var folders = new[] { "one", "two" };
        foreach (var folder in folders) server.Serve(folder + ".xml", HostileResponses.Feed(folder, 80));
        archive.WriteSources(folders.Select(f => (f, server.Url(f + ".xml"), "")).ToArray());

        using var watch = CliProcess.Start(archive.Root, "watch", "--interval", "1s", "--jitter", "0s");
        var watchOutput = watch.StandardOutput.ReadToEndAsync();
        try
        {
            var run = archive.RunAsync("--json", "--wait", "120");
            // Both polled at least once: the watch logs each source's next poll after its round.
            var polled = new HashSet<string>();
            while (polled.Count < folders.Length && await watch.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is { } line)
                if (line.Contains("next poll")) polled.UnionWith(folders.Where(f => line.Contains(f)));
            var ran = await run.WaitAsync(TimeSpan.FromMinutes(2));
            await FeedArchive.TerminateAsync(watch);
            var drained = watch.StandardError.ReadToEndAsync();
            await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            output.WriteLine($"run exit {ran.ExitCode}: {ran.Stdout}; watch exit {watch.ExitCode}: {await drained}");

            Assert.True(ran.ExitCode == 0, ran.Stderr);
            Assert.Equal(0, watch.ExitCode);
            foreach (var folder in folders)
            {
                var links = archive.ArticleFiles(folder).Select(f => ArticleFile.Parse(File.ReadAllText(f)).Link).ToList();
                Assert.Equal(80, links.Count);
                Assert.Equal(links.Count, links.Distinct().Count());
                Assert.Equal(80, IdentityLog.Read(new ArchivePaths(archive.Root).IdentityLog(folder)).Count);
            }
        }
        finally
        {
            if (!watch.HasExited) watch.Kill(entireProcessTree: true);
            await watchOutput;
        }
    }

    [Fact]
    public async Task Many_sources_through_one_connection_per_host_finish_without_deadlock()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var archive = new ReliabilityArchive();
        var sources = Enumerable.Range(0, 24).Select(i =>
        {
            var folder = $"s{i}";
            server.Serve(folder + ".xml", HostileResponses.Feed(folder, 6));
            for (var n = 0; n < 6; n++)
                server.Serve($"{folder}/{n}", $"<html><body><article><p>{folder} 全文 {n}</p></article></body></html>", "text/html; charset=utf-8");
            var feed = HostileResponses.Feed(folder, 6).Replace("https://news.example/", server.Url(""));
            server.Serve(folder + ".xml", feed);
            return new SourceConfig { Name = folder, Folder = folder, Url = server.Url(folder + ".xml"), FullText = "article", Cleanup = CleanupMode.None, AllowHosts = ["127.0.0.1"] };
        }).ToList();
        var run = new ArchiveRun(new ArchivePaths(archive.Root), new FetchLimits { MaxConnectionsPerHost = 1, Timeout = TimeSpan.FromSeconds(30) }, TimeProvider.System)
        {
            MaxConcurrentSources = 8,
            MaxPagesPerHost = 1,
        };

        var report = await run.RunAsync(sources, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(report.Sources, s => Assert.True(s.Ok, s.Error));
        Assert.Equal(24 * 6, report.New);
        foreach (var source in sources)
        {
            var texts = archive.ArticleFiles(source.Folder).Select(File.ReadAllText).ToList();
            Assert.Equal(6, texts.Count);
            Assert.All(texts, t => Assert.Contains("全文", t));
        }
    }
}
