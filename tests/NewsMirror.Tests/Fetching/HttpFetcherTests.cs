using System.IO.Compression;
using System.Text;
using NewsMirror.Fetching;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Fetching;

public class HttpFetcherTests
{
    private static async Task<(LoopbackServer Server, HttpFetcher Fetcher)> StartAsync(FetchLimits? limits = null) =>
        (await LoopbackServer.StartAsync(), new HttpFetcher(limits ?? new FetchLimits { Timeout = TimeSpan.FromSeconds(5) }));

    [Fact]
    public async Task Sends_a_NewsMirror_user_agent_and_accepts_compression()
    {
        var (server, fetcher) = await StartAsync();
        await using var _ = server;
        using var __ = fetcher;
        string? agent = null, encodings = null;
        server.Handle("feed", async context =>
        {
            agent = context.Request.Headers.UserAgent;
            encodings = context.Request.Headers.AcceptEncoding;
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("<rss>压缩</rss>"));
        });

        var result = await fetcher.FetchAsync(server.Url("feed"), ".", CancellationToken.None);

        Assert.Equal("<rss>压缩</rss>", Encoding.UTF8.GetString(result.Body));
        Assert.StartsWith("NewsMirror/", agent);
        Assert.Contains("gzip", encodings);
        Assert.Contains("br", encodings);
    }

    [Fact]
    public async Task Follows_redirects_up_to_the_limit_and_reports_the_final_address()
    {
        var (server, fetcher) = await StartAsync(new FetchLimits { MaxRedirects = 2, Timeout = TimeSpan.FromSeconds(5) });
        await using var _ = server;
        using var __ = fetcher;
        server.Handle("a", c => { c.Response.Redirect("/b", permanent: true); return Task.CompletedTask; });
        server.Handle("b", c => { c.Response.Redirect(server.Url("c")); return Task.CompletedTask; });
        server.Serve("c", "<rss/>");
        server.Handle("loop", c => { c.Response.Redirect("/loop"); return Task.CompletedTask; });
        server.Handle("to-file", c => { c.Response.Redirect("file:///etc/passwd"); return Task.CompletedTask; });

        var result = await fetcher.FetchAsync(server.Url("a"), ".", CancellationToken.None);
        Assert.Equal(server.Url("c"), result.Url.ToString());

        var loop = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("loop"), ".", CancellationToken.None));
        Assert.Contains("too many redirects", loop.Message);
        var scheme = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("to-file"), ".", CancellationToken.None));
        Assert.Contains("'file:'", scheme.Message);
    }

    [Fact]
    public async Task Refuses_bodies_over_the_cap_whether_declared_or_not()
    {
        var (server, fetcher) = await StartAsync(new FetchLimits { MaxBytes = 1024, Timeout = TimeSpan.FromSeconds(5) });
        await using var _ = server;
        using var __ = fetcher;
        server.Serve("declared", new byte[4096], "application/xml");
        server.Handle("chunked", async context =>
        {
            for (var i = 0; i < 8; i++)
            {
                await context.Response.Body.WriteAsync(new byte[512]);
                await context.Response.Body.FlushAsync();
            }
        });

        foreach (var path in new[] { "declared", "chunked" })
        {
            var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url(path), ".", CancellationToken.None));
            Assert.Contains("larger than", e.Message);
        }
    }

    [Fact]
    public async Task Http_errors_and_timeouts_are_specific()
    {
        var (server, fetcher) = await StartAsync(new FetchLimits { Timeout = TimeSpan.FromSeconds(1) });
        await using var _ = server;
        using var __ = fetcher;
        server.Status("gone", 410);
        server.Handle("slow", c => Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted));

        Assert.Equal("HTTP 410 Gone", (await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("gone"), ".", CancellationToken.None))).Message);
        Assert.Equal("timed out after 1 s", (await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("slow"), ".", CancellationToken.None))).Message);
    }

    [Fact]
    public async Task Reads_local_paths_relative_to_the_base_folder_and_file_urls()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.Combine("feed.xml"), "<rss>本地</rss>");
        using var fetcher = new HttpFetcher();

        var relative = await fetcher.FetchAsync("feed.xml", dir.Path, CancellationToken.None);
        var url = await fetcher.FetchAsync(new Uri(dir.Combine("feed.xml")).ToString(), "/", CancellationToken.None);

        Assert.Equal("<rss>本地</rss>", Encoding.UTF8.GetString(relative.Body));
        Assert.Equal(relative.Body, url.Body);
        var missing = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync("missing.xml", dir.Path, CancellationToken.None));
        Assert.Contains("cannot read", missing.Message);
    }
}
