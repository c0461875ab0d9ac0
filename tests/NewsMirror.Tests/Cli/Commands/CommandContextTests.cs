using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli.Commands;

/// <summary>Every archive command starts the same way: an unusable archive or sources file is one error line and exit 2.</summary>
public class CommandContextTests
{
    public static TheoryData<string[]> ReadingCommands => new()
    {
        new[] { "status" },
        new[] { "search", "news" },
        new[] { "history", "articles/rfi/1.md" },
        new[] { "verify" },
        new[] { "import" },
        new[] { "export", "epub" },
    };

    public static TheoryData<string[]> ConfiguredCommands => new()
    {
        new[] { "run" },
        new[] { "watch" },
        new[] { "status" },
        new[] { "search", "news" },
        new[] { "history", "articles/rfi/1.md" },
        new[] { "verify" },
        new[] { "import" },
        new[] { "sources", "list" },
        new[] { "sources", "test", "rfi" },
        new[] { "sources", "export-opml" },
        new[] { "export", "epub" },
    };

    [Theory]
    [MemberData(nameof(ConfiguredCommands))]
    public async Task A_broken_sources_file_is_reported_once_as_a_usage_error(string[] command)
    {
        using var archive = new TempFolder();
        var sourcesFile = archive.Combine("newsmirror.yml");
        File.WriteAllText(sourcesFile, "sources:\n  - name: mine\n");

        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, [.. command, "--archive", archive.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(Lines(result.Stderr));
        Assert.StartsWith($"newsmirror: error: {sourcesFile}:", line);
    }

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task A_missing_archive_folder_is_reported_once_as_a_usage_error(string[] command)
    {
        using var parent = new TempFolder();
        var missing = parent.Combine("missing");

        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, [.. command, "--archive", missing]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"newsmirror: error: no such folder: {missing}", Assert.Single(Lines(result.Stderr)));
    }

    [Fact]
    public async Task The_error_follows_the_log_format()
    {
        using var parent = new TempFolder();
        var missing = parent.Combine("missing");

        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "search", "news", "--archive", missing, "--log-format", "json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(Lines(result.Stderr)));
        Assert.Equal("error", json.RootElement.GetProperty("level").GetString());
        Assert.Equal($"no such folder: {missing}", json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_source_for_feed_inspect_is_one_usage_error()
    {
        using var archive = new TempFolder();
        var feed = archive.Combine("feed.xml");
        File.WriteAllText(feed, "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");

        var result = await CliProcess.RunAsync(AppContext.BaseDirectory, "feed", "inspect", feed, "--source", "nobody", "--archive", archive.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newsmirror: error: no source 'nobody' (known: ", Assert.Single(Lines(result.Stderr)));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
