using Xunit.Abstractions;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// One source's feed server misbehaves; the run must finish, name that source's fault, archive the other
/// sources, touch nothing outside the archive, change no archived article and stay within bounded memory.
/// </summary>
public class HostileFeedTests(ITestOutputHelper output)
{
    /// <summary>Generous: a run over small feeds peaks near 100 MB; a body held in full would add at least its 256 MiB.</summary>
    public const long MemoryBound = 300L * 1024 * 1024;

    [Theory]
    [InlineData("stall-before-headers", "timed out after 2 s")]
    [InlineData("drip-past-timeout", "timed out after 2 s")]
    [InlineData("close-mid-body", "broke")]
    [InlineData("content-length-longer-than-body", "broke")]
    [InlineData("larger-than-cap-declared", "larger than the 32 MiB limit (Content-Length 41943040)")]
    [InlineData("larger-than-cap-undeclared", "larger than the 32 MiB limit")]
    [InlineData("corrupt-gzip", "broke")]
    [InlineData("gzip-bomb", "larger than the 32 MiB limit")]
    [InlineData("brotli-bomb", "larger than the 32 MiB limit")]
    [InlineData("redirect-loop", "too many redirects")]
    [InlineData("redirect-to-file", "redirect to a 'file:' address refused")]
    [InlineData("redirect-to-ftp", "redirect to a 'ftp:' address refused")]
    [InlineData("304", "HTTP 304 Not Modified")]
    [InlineData("401", "HTTP 401 Unauthorized")]
    [InlineData("403", "HTTP 403 Forbidden")]
    [InlineData("404", "HTTP 404 Not Found")]
    [InlineData("410", "HTTP 410 Gone")]
    [InlineData("429-retry-after", "HTTP 429 Too Many Requests (retry after 120 s)")]
    [InlineData("500", "HTTP 500 Internal Server Error")]
    [InlineData("503", "HTTP 503 Service Unavailable")]
    [InlineData("html-page", "the document is an HTML page")]
    [InlineData("json-not-a-feed", "not a JSON Feed")]
    [InlineData("image", "Not a feed")]
    [InlineData("empty-body", "the document is empty")]
    public async Task A_failing_feed_is_reported_and_harms_nothing(string behaviour, string error)
    {
        var (result, sources, archive) = await RunWithHostileFeedAsync(behaviour);
        using var _ = archive;

        Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
        Assert.Equal("error", sources["hostile"].GetProperty("status").GetString());
        Assert.Contains(error, sources["hostile"].GetProperty("error").GetString());
        Assert.Equal(3, archive.ArticleFiles("hostile").Length);
    }

    [Theory]
    [InlineData("redirect-chain-301-302-307-308")]
    [InlineData("xml-external-entity")]
    [InlineData("nested-entity-expansion")]
    [InlineData("content-length-invalid")]
    public async Task A_feed_that_is_odd_but_readable_is_archived_without_its_tricks(string behaviour)
    {
        var (result, sources, archive) = await RunWithHostileFeedAsync(behaviour);
        using var _ = archive;

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal("ok", sources["hostile"].GetProperty("status").GetString());
        var written = archive.ArticleFiles("hostile").Select(File.ReadAllText).ToList();
        Assert.True(written.Count > 3, "the feed's items were archived");
        Assert.DoesNotContain(written, text => text.Contains("root:") || text.Contains("lollol"));
    }

    [Fact]
    public async Task A_body_cut_short_by_its_content_length_archives_only_the_complete_items()
    {
        var (result, sources, archive) = await RunWithHostileFeedAsync("content-length-shorter-than-body");
        using var _ = archive;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, sources["hostile"].GetProperty("new").GetInt32());
        Assert.Contains("truncated", result.Stderr);
        var added = archive.ArticleFiles("hostile").Select(File.ReadAllText).Where(t => !t.Contains("旧文")).ToList();
        Assert.EndsWith("\n\n<p>hostile 正文 0</p>\n", Assert.Single(added));
    }

    private async Task<(Support.CliProcess.Result Result, Dictionary<string, System.Text.Json.JsonElement> Sources, ReliabilityArchive Archive)> RunWithHostileFeedAsync(string behaviour)
    {
        await using var server = new HostileServer();
        var archive = new ReliabilityArchive();
        archive.WriteSources(("good-a", server.Url("good-a.xml"), ""), ("hostile", server.Url("hostile.xml"), ""), ("good-b", server.Url("good-b.xml"), ""));
        foreach (var folder in new[] { "good-a", "hostile", "good-b" }) archive.Seed(folder, 3);
        server.Serve("good-a.xml", HostileResponses.Feed("good-a", 2));
        server.Serve("good-b.xml", HostileResponses.Feed("good-b", 2));
        HostileResponses.Install(server, behaviour, "hostile.xml", HostileResponses.Feed("hostile", 2));
        var articles = archive.ArticleHashes();
        var outside = archive.OutsideState();

        var result = await archive.RunAsync("--json", "--timeout", "2");

        output.WriteLine($"{behaviour}: exit {result.ExitCode}, peak resident memory {result.PeakResidentBytes} bytes");
        output.WriteLine(result.Stdout + result.Stderr);
        var sources = ReliabilityArchive.SourcesByFolder(result.Stdout);
        foreach (var good in new[] { "good-a", "good-b" })
        {
            Assert.Equal("ok", sources[good].GetProperty("status").GetString());
            Assert.Equal(5, archive.ArticleFiles(good).Length);
        }
        var after = archive.ArticleHashes();
        foreach (var (file, hash) in articles) Assert.Equal(hash, after[file]);
        Assert.Equal(outside, archive.OutsideState());
        Assert.InRange(result.PeakResidentBytes, 1, MemoryBound);
        Assert.DoesNotContain("/xxe", server.Requests);
        Assert.DoesNotContain("/xxe-dtd", server.Requests);
        return (result, sources, archive);
    }
}
