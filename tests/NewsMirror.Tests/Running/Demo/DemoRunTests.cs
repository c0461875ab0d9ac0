using NewsMirror.Running.Demo;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Demo;

/// <summary>The demo in process: what its loopback server was asked for.</summary>
public class DemoRunTests
{
    [Fact]
    public async Task Fetches_every_feed_page_and_picture_from_its_own_server()
    {
        using var temp = new TempFolder();

        var report = await DemoRun.RunAsync(temp.Combine("demo"), TimeProvider.System, CancellationToken.None);

        Assert.True(report.Ok, string.Join("; ", report.Run.Sources.Select(s => $"{s.Name}: {s.Error}")));
        Assert.True(report.ServerUrl.IsLoopback);
        foreach (var outlet in DemoOutlet.All) Assert.Contains($"/feeds/{outlet.Folder}.xml", report.Requests);
        // full-text: one page per story of that outlet; pictures: every third story of the outlets that have them.
        var fullText = DemoOutlet.All.Single(o => o.Kind == DemoFeedKind.FullText);
        Assert.Equal(fullText.Stories, report.Requests.Count(r => r.StartsWith($"/{fullText.Folder}/", StringComparison.Ordinal)));
        Assert.Equal(DemoOutlet.All.Where(o => o.Images).Sum(o => (o.Stories + 2) / 3), report.Requests.Count(r => r.StartsWith("/images/", StringComparison.Ordinal)));
        Assert.Equal(270, report.Run.New);
    }
}
