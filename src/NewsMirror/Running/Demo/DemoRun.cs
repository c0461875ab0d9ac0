using NewsMirror.Archive;
using NewsMirror.Fetching;
using NewsMirror.Publishing.Site;
using NewsMirror.Sources;

namespace NewsMirror.Running.Demo;

/// <summary>
/// <c>newsmirror demo</c>: starts the loopback <see cref="DemoServer"/> with the sample outlets, archives them with the
/// normal run (<see cref="ArchiveRun"/>) into a new folder, builds the reading site, and stops the server.
/// </summary>
public static class DemoRun
{
    public static async Task<DemoReport> RunAsync(string archiveFolder, TimeProvider clock, CancellationToken cancel)
    {
        var paths = new ArchivePaths(archiveFolder);
        Directory.CreateDirectory(paths.Root);
        using var server = DemoServer.Start();
        var content = DemoContent.Build(server.BaseUrl, DemoNews.Load(), clock.GetUtcNow());
        server.Serve(content.Files);
        var run = await new ArchiveRun(paths, new FetchLimits { Timeout = TimeSpan.FromSeconds(30) }, clock)
        {
            IndexSources = content.Sources,
            Raw = RawCapture.Local,
        }.RunAsync(content.Sources, cancel);
        var site = SiteBuilder.Build(new SiteBuildOptions(paths.Root, Path.Combine(paths.Root, "site"), content.Sources.Select(s => (s.Name, s.Folder)).ToList()));
        var broken = DemoOutlet.All.Single(o => o.Kind == DemoFeedKind.Broken);
        return new DemoReport(paths, server.BaseUrl, run, site, broken.Name, [.. server.Requests]);
    }
}
