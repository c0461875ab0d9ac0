using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>What `run` prints for people and machines: --quiet, --verbose, --log-format json, --json.</summary>
public class RunOutputTests
{
    private static async Task<MirrorFixture> MirrorWithOneGoodAndOneFailingSourceAsync()
    {
        var m = await MirrorFixture.StartAsync();
        m.ServeFeed("rfi", new RssFixtureItem("法广一", "https://www.rfi.fr/cn/1", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>一</p>" },
            new RssFixtureItem("", "https://www.rfi.fr/cn/untitled", "Tue, 26 Mar 2024 09:45:01 GMT") { Description = "<p>?</p>" });
        m.Server.Status("dw.xml", 500);
        return m;
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_on_stderr_and_stdout_stays_one_json_object()
    {
        await using var m = await MirrorWithOneGoodAndOneFailingSourceAsync();

        var result = await m.RunAsync("--only", "法广,德国之声", "--json", "--log-format", "json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, report.RootElement.GetProperty("new").GetInt32());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, l => Assert.True(l.TryGetProperty("time", out _) && l.TryGetProperty("message", out _)));
        Assert.Contains(lines, l => l.GetProperty("level").GetString() == "warning" && l.GetProperty("source").GetString() == "法广" &&
                                    l.GetProperty("message").GetString()!.Contains("without title"));
        Assert.Contains(lines, l => l.GetProperty("level").GetString() == "error" && l.GetProperty("source").GetString() == "德国之声" &&
                                    l.GetProperty("folder").GetString() == "dw");
    }

    [Fact]
    public async Task Quiet_prints_only_errors_and_verbose_adds_each_source_as_it_finishes()
    {
        await using var m = await MirrorWithOneGoodAndOneFailingSourceAsync();

        var quiet = await m.RunAsync("--only", "法广,德国之声", "--quiet");
        var verbose = await m.RunAsync("--only", "法广,德国之声", "--verbose");

        Assert.Equal(1, quiet.ExitCode);
        Assert.Equal("", quiet.Stdout);
        Assert.Equal("德国之声: error: failed: HTTP 500 Internal Server Error\n", quiet.Stderr);
        Assert.Contains("法广: 0 new, 1 known", verbose.Stderr);
        Assert.Contains("德国之声: failed: HTTP 500", verbose.Stderr);
        Assert.Contains("total: 0 new from 2 sources, 1 failed", verbose.Stdout);
        Assert.DoesNotContain("\u001b[", verbose.Stdout + verbose.Stderr);
    }
}
