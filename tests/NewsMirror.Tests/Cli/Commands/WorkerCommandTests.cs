using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli.Commands;

/// <summary><c>newsmirror worker</c>'s options, refused before any database or clone is touched.</summary>
public class WorkerCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.5")]
    public async Task A_max_sources_that_is_not_a_count_of_at_least_one_is_a_usage_error_naming_option_and_value(string value)
    {
        using var archive = new TempFolder();
        File.WriteAllText(archive.Combine("newsmirror.yml"), "sources:\n  - name: a\n    url: https://example.org/feed.xml\n    folder: a\n");

        // Port 1 on loopback: no catalog answers there, so only the option check can decide the exit code.
        var result = await Support.CliProcess.RunAsync(archive.Path, "worker", "--once", "--max-sources", value, "--catalog", "postgres://news@127.0.0.1:1/news");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--max-sources: '{value}' is not a whole number of at least 1", result.Stderr);
    }
}
