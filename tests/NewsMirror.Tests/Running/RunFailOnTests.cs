using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>`run --fail-on any|all|none`: the exit code when some or all sources fail, through the real executable.</summary>
public class RunFailOnTests
{
    private static async Task<MirrorFixture> OneWorkingOneFailingAsync()
    {
        var m = await MirrorFixture.StartAsync();
        m.ServeFeed("nyt", new RssFixtureItem("纽约时报 第一条", "https://www.example.com/nyt/1", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>一</p>" });
        m.Server.Status("rfi.xml", 404);
        return m;
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("any", 1)]
    [InlineData("all", 0)]
    [InlineData("none", 0)]
    public async Task One_failing_source_of_two_fails_the_run_only_under_any(string? policy, int expected)
    {
        await using var m = await OneWorkingOneFailingAsync();

        var result = await m.RunAsync(policy is null ? ["--only", "nyt,rfi"] : ["--only", "nyt,rfi", "--fail-on", policy]);

        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.True(m.Exists("articles/nyt/1048574.md"));
        Assert.Contains("FAILED HTTP 404", result.Stdout);
    }

    [Theory]
    [InlineData("any", 1)]
    [InlineData("all", 1)]
    [InlineData("none", 0)]
    public async Task Every_source_failing_fails_the_run_unless_none(string policy, int expected)
    {
        await using var m = await OneWorkingOneFailingAsync();

        var result = await m.RunAsync("--only", "rfi", "--fail-on", policy);

        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
    }

    [Fact]
    public async Task An_unknown_policy_is_a_usage_error_naming_the_choices()
    {
        await using var m = await OneWorkingOneFailingAsync();

        var result = await m.RunAsync("--fail-on", "some");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("some", result.Stderr);
        Assert.Contains("all", result.Stderr);
        Assert.False(Directory.Exists(m.Archive.Combine("articles", "nyt")));
    }
}
