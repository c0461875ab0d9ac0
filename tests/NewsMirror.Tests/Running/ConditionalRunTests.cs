using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>Conditional feed requests in <c>run</c>: when the validators are sent, and when they must not be.</summary>
public class ConditionalRunTests
{
    private static readonly DateTimeOffset Published = new(2024, 3, 26, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Serves the feed with an ETag, answering 304 to a request that carries it; records each If-None-Match.</summary>
    private static List<string?> ServeWithETag(FeedArchive archive, string linkBase = "https://example.org/")
    {
        var seen = new List<string?>();
        archive.Handle("a", async (context, _) =>
        {
            string? ifNoneMatch = context.Request.Headers.IfNoneMatch;
            lock (seen) seen.Add(ifNoneMatch);
            if (ifNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = "\"v1\"";
            await FeedArchive.WriteFeedAsync(context, "a", linkBase, Published);
        });
        return seen;
    }

    [Fact]
    public async Task A_second_run_is_answered_not_modified_and_says_so()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        var seen = ServeWithETag(archive);

        var first = await archive.RunAsync("run", "--json");
        var snapshot = Directory.GetFiles(archive.Archive.Combine("articles", "a")).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = await archive.RunAsync("run", "--json");

        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal([null, "\"v1\""], seen);
        Assert.Contains("\"new\":1", first.Stdout);
        Assert.Contains("\"notModified\":true", second.Stdout);
        Assert.Equal(snapshot, Directory.GetFiles(archive.Archive.Combine("articles", "a")).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public async Task A_run_that_put_an_item_off_does_not_keep_the_validators()
    {
        await using var archive = await FeedArchive.StartAsync("a");
        File.AppendAllText(archive.Archive.Combine("newsmirror.yml"), "    fulltext: readability\n    allow-hosts: [127.0.0.1]\n");
        // The item's page is on the loopback server, which has no such page (404): the item waits for the next run.
        var seen = ServeWithETag(archive, archive.Server.Url("pages/"));

        var first = await archive.RunAsync("run");
        var second = await archive.RunAsync("run");

        Assert.Contains("skipped until the next run", first.Stdout + first.Stderr);
        Assert.Equal([null, null], seen);
        Assert.Equal(0, second.ExitCode);
    }
}
