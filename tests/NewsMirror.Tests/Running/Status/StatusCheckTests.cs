using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Status;

/// <summary><c>newsmirror status --check</c>: its exit code and problem lines after real runs against a loopback server.</summary>
public class StatusCheckTests
{
    private static async Task<FeedArchive> StartAsync(DateTimeOffset now, Func<bool> failing)
    {
        var archive = await FeedArchive.StartAsync("fresh", "broken");
        archive.Handle("fresh", (context, _) => FeedArchive.WriteFeedAsync(context, "fresh", now.AddHours(-1)));
        archive.Handle("broken", (context, _) =>
        {
            if (!failing()) return FeedArchive.WriteFeedAsync(context, "broken", now.AddHours(-2));
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        return archive;
    }

    [Fact]
    public async Task Exits_0_and_prints_nothing_when_every_source_succeeded_within_its_interval()
    {
        await using var archive = await StartAsync(DateTimeOffset.UtcNow, () => false);
        Assert.Equal(0, (await archive.RunAsync("run")).ExitCode);

        var check = await archive.RunAsync("status", "--check");

        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Equal("", check.Stdout);
    }

    [Fact]
    public async Task Exits_1_naming_the_source_whose_last_poll_failed_and_0_once_it_recovers()
    {
        var failing = true;
        await using var archive = await StartAsync(DateTimeOffset.UtcNow, () => failing);
        Assert.Equal(1, (await archive.RunAsync("run")).ExitCode);

        var check = await archive.RunAsync("status", "--check");

        Assert.Equal(1, check.ExitCode);
        var line = Assert.Single(Lines(check.Stdout));
        Assert.StartsWith("broken: FAILING, 1 failed poll(s) in a row", line);
        Assert.Contains("HTTP 500", line);

        failing = false;
        Assert.Equal(0, (await archive.RunAsync("run")).ExitCode);
        Assert.Equal(0, (await archive.RunAsync("status", "--check")).ExitCode);
    }

    [Fact]
    public async Task Exits_3_for_a_source_never_polled()
    {
        await using var archive = await StartAsync(DateTimeOffset.UtcNow, () => false);
        Assert.Equal(0, (await archive.RunAsync("run", "--only", "fresh")).ExitCode);

        var check = await archive.RunAsync("status", "--check");

        Assert.Equal(3, check.ExitCode);
        Assert.Equal(["broken: SILENT, never polled successfully"], Lines(check.Stdout));
    }

    [Fact]
    public async Task Exits_3_when_the_last_success_is_older_than_three_intervals_and_the_interval_is_an_option()
    {
        var now = DateTimeOffset.UtcNow;
        await using var archive = await StartAsync(now, () => false);
        Assert.Equal(0, (await archive.RunAsync("run")).ExitCode);
        RecordSuccess(archive, "fresh", now.AddHours(-4));

        var hourly = await archive.RunAsync("status", "--check");
        var everyTwoHours = await archive.RunAsync("status", "--check", "--interval", "2h");

        Assert.Equal(3, hourly.ExitCode);
        var line = Assert.Single(Lines(hourly.Stdout));
        Assert.StartsWith("fresh: SILENT, last success", line);
        Assert.Contains("more than 03:00:00 ago", line);
        Assert.True(everyTwoHours.ExitCode == 0, everyTwoHours.Stdout);
    }

    [Fact]
    public async Task A_failing_source_outranks_a_silent_one_and_both_are_printed()
    {
        var now = DateTimeOffset.UtcNow;
        await using var archive = await StartAsync(now, () => true);
        Assert.Equal(1, (await archive.RunAsync("run")).ExitCode);
        RecordSuccess(archive, "fresh", now.AddDays(-1));

        var check = await archive.RunAsync("status", "--check");

        Assert.Equal(1, check.ExitCode);
        var lines = Lines(check.Stdout);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("fresh: SILENT", lines[0]);
        Assert.StartsWith("broken: FAILING", lines[1]);
    }

    /// <summary>Moves the source's last success back in time, as if no poll had succeeded since.</summary>
    private static void RecordSuccess(FeedArchive archive, string source, DateTimeOffset at)
    {
        var config = SourceSelection.LoadConfig(null, archive.Archive.Path);
        using var catalog = ArchiveCatalog.Open(new ArchivePaths(archive.Archive.Path), config.Sources);
        catalog.States.RecordSuccess(source, at);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
