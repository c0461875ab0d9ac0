using System.Text;
using NewsMirror.Fetching;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Fetching;

public class ConditionalFetchTests
{
    private const string ETag = "\"v1\"";
    private const string Modified = "Tue, 26 Mar 2024 08:00:00 GMT";

    /// <summary>A feed that answers 304 when the request carries its ETag or its Last-Modified.</summary>
    private static async Task<LoopbackServer> StartValidatingServerAsync(List<(string? IfNoneMatch, string? IfModifiedSince)> seen)
    {
        var server = await LoopbackServer.StartAsync();
        server.Handle("feed", async context =>
        {
            string? ifNoneMatch = context.Request.Headers.IfNoneMatch, ifModifiedSince = context.Request.Headers.IfModifiedSince;
            lock (seen) seen.Add((ifNoneMatch, ifModifiedSince));
            if (ifNoneMatch == ETag || ifModifiedSince == Modified)
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = Modified;
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<rss/>"));
        });
        return server;
    }

    [Fact]
    public async Task Sends_the_validators_back_and_reports_a_304_as_not_modified()
    {
        var seen = new List<(string?, string?)>();
        await using var server = await StartValidatingServerAsync(seen);
        using var fetcher = new HttpFetcher();

        var first = await fetcher.FetchAsync(server.Url("feed"), ".", CancellationToken.None);
        var second = await fetcher.FetchAsync(server.Url("feed"), ".", CancellationToken.None, validators: first.Validators);
        var byDate = await fetcher.FetchAsync(server.Url("feed"), ".", CancellationToken.None, validators: new Validators(null, Modified));

        Assert.False(first.NotModified);
        Assert.Equal(new Validators(ETag, Modified), first.Validators);
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
        Assert.Equal(first.Validators, second.Validators);
        Assert.True(byDate.NotModified);
        Assert.Equal([(null, null), (ETag, Modified), (null, Modified)], seen);
    }

    [Theory]
    [InlineData(429, "120")]
    [InlineData(503, "Wed, 27 Mar 2024 10:00:00 GMT")]
    public async Task A_rate_limited_answer_carries_its_Retry_After(int status, string retryAfter)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var fetcher = new HttpFetcher();
        server.Handle("feed", context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = retryAfter;
            return Task.CompletedTask;
        });
        var received = new DateTimeOffset(2024, 3, 27, 9, 0, 0, TimeSpan.Zero);

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("feed"), ".", CancellationToken.None));

        Assert.NotNull(failure.RetryAfter);
        var expected = int.TryParse(retryAfter, out var seconds) ? received.AddSeconds(seconds) : DateTimeOffset.Parse(retryAfter);
        Assert.Equal(expected, failure.RetryAfter.After(received));
        Assert.Contains($"HTTP {status}", failure.Message);
    }
}
