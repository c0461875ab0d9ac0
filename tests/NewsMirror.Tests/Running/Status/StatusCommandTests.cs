using System.Text.Json;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Status;

/// <summary><c>newsmirror status</c> and STATUS.md after runs where one source fails and one has gone quiet.</summary>
public class StatusCommandTests
{
    private static async Task<FeedArchive> StartAsync(DateTimeOffset now, Func<bool> failing)
    {
        var archive = await FeedArchive.StartAsync("fresh", "broken", "quiet");
        archive.Handle("fresh", (context, _) => FeedArchive.WriteFeedAsync(context, "fresh", now.AddHours(-1), now.AddDays(-3), now.AddDays(-30)));
        archive.Handle("broken", (context, _) =>
        {
            if (!failing()) return FeedArchive.WriteFeedAsync(context, "broken", now.AddHours(-2));
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        archive.Handle("quiet", (context, _) => FeedArchive.WriteFeedAsync(context, "quiet", now.AddDays(-10), now.AddDays(-11), now.AddDays(-12)));
        return archive;
    }

    [Fact]
    public async Task Status_reports_failures_counts_and_silence_in_json_and_text()
    {
        var now = DateTimeOffset.UtcNow;
        await using var archive = await StartAsync(now, () => true);
        Assert.Equal(1, (await archive.RunAsync("run")).ExitCode);
        Assert.Equal(1, (await archive.RunAsync("run")).ExitCode);

        var json = await archive.RunAsync("status", "--json");
        var text = await archive.RunAsync("status");

        Assert.True(json.ExitCode == 0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        var sources = document.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["fresh", "broken", "quiet"], sources.Keys);
        var fresh = sources["fresh"];
        Assert.Equal(3, fresh.GetProperty("articles").GetInt32());
        Assert.Equal(1, fresh.GetProperty("last24h").GetInt32());
        Assert.Equal(2, fresh.GetProperty("last7d").GetInt32());
        Assert.Equal(0, fresh.GetProperty("failures").GetInt32());
        Assert.InRange(fresh.GetProperty("lastSuccess").GetDateTimeOffset(), now.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("lastError").ValueKind);
        Assert.False(fresh.GetProperty("silent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("nextPoll").ValueKind);
        var broken = sources["broken"];
        Assert.Equal(2, broken.GetProperty("failures").GetInt32());
        Assert.StartsWith("HTTP 500", broken.GetProperty("lastError").GetString());
        Assert.InRange(broken.GetProperty("lastErrorAt").GetDateTimeOffset(), now.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("lastSuccess").ValueKind);
        Assert.Equal(0, broken.GetProperty("articles").GetInt32());
        Assert.True(sources["quiet"].GetProperty("silent").GetBoolean());
        Assert.Equal("quiet", sources["quiet"].GetProperty("folder").GetString());

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("fresh (fresh): 3 articles, 1 in 24 h, 2 in 7 d", text.Stdout);
        Assert.Contains("FAILING (2 in a row)", text.Stdout);
        Assert.Contains("quiet (quiet): 3 articles, 0 in 24 h, 0 in 7 d — SILENT", text.Stdout);
    }

    [Fact]
    public async Task STATUS_md_is_written_left_alone_by_a_run_that_changed_nothing_and_rewritten_when_a_source_recovers()
    {
        var now = DateTimeOffset.UtcNow;
        var failing = true;
        await using var archive = await StartAsync(now, () => failing);
        var status = archive.Archive.Combine("STATUS.md");

        Assert.Equal(1, (await archive.RunAsync("run", "--status-file")).ExitCode);
        var first = File.ReadAllText(status);
        var written = File.GetLastWriteTimeUtc(status);
        Assert.Contains("| broken | 0 | 0 | 0 | — | — | failing: HTTP 500", first);
        Assert.Contains("| fresh | 3 | 1 | 2 |", first);
        Assert.Contains("silent for longer than usual", first.Split('\n').Single(l => l.StartsWith("| quiet", StringComparison.Ordinal)));

        Assert.Equal(1, (await archive.RunAsync("run", "--status-file")).ExitCode);
        Assert.Equal(first, File.ReadAllText(status));
        Assert.Equal(written, File.GetLastWriteTimeUtc(status));

        failing = false;
        File.AppendAllText(archive.Archive.Combine("newsmirror.yml"), "status-file: true\n");
        Assert.Equal(0, (await archive.RunAsync("run")).ExitCode);
        var recovered = File.ReadAllText(status);
        Assert.DoesNotContain("failing", recovered);
        Assert.Contains($"| broken | 1 | 1 | 1 | {now.AddHours(-2).UtcDateTime:yyyy-MM-dd} | {DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM-dd} | ok |", recovered);
    }
}
