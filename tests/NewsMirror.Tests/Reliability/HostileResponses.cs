using System.IO.Compression;
using System.Text;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Reliability;

/// <summary>The misbehaviours a hostile or broken feed server can show, each installed on one path of a <see cref="HostileServer"/>.</summary>
public static class HostileResponses
{
    public const string Rss = "application/rss+xml; charset=utf-8";

    /// <summary>Decompresses to 256 MiB of zeros: eight times the fetch cap, from about a megabyte on the wire.</summary>
    private static readonly Lazy<byte[]> GzipBomb = new(() => Bomb(s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)));
    private static readonly Lazy<byte[]> BrotliBomb = new(() => Bomb(s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));

    public static string Feed(string folder, int count) => RssFixture.Document(folder, Enumerable.Range(0, count).Select(i =>
        new RssFixtureItem($"{folder} 新闻 {i}", $"https://news.example/{folder}/{i}", new DateTimeOffset(2024, 3, 26, 8, 45, 1, TimeSpan.Zero).AddMinutes(i).ToString("r", System.Globalization.CultureInfo.InvariantCulture)) { Description = $"<p>{folder} 正文 {i}</p>" }));

    /// <summary>Installs the named behaviour on <paramref name="path"/>; <paramref name="feed"/> is the valid feed some of them carry.</summary>
    public static void Install(HostileServer server, string behaviour, string path, string feed)
    {
        var feedBytes = Encoding.UTF8.GetBytes(feed);
        switch (behaviour)
        {
            case "stall-before-headers":
                server.Route(path, (_, cancel) => Task.Delay(Timeout.Infinite, cancel));
                break;
            case "drip-past-timeout":
                server.Route(path, async (stream, cancel) =>
                {
                    await HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}", "Content-Length: 1000000"], cancel);
                    using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
                    while (await pace.WaitForNextTickAsync(cancel)) { await stream.WriteAsync(" "u8.ToArray(), cancel); await stream.FlushAsync(cancel); }
                });
                break;
            case "close-mid-body":
                server.Route(path, async (stream, cancel) =>
                {
                    await HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}", $"Content-Length: {feedBytes.Length}"], cancel);
                    await stream.WriteAsync(feedBytes.AsMemory(0, feedBytes.Length / 2), cancel);
                });
                break;
            case "content-length-longer-than-body":
                server.Route(path, async (stream, cancel) =>
                {
                    await HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}", $"Content-Length: {feedBytes.Length * 10}"], cancel);
                    await stream.WriteAsync(feedBytes, cancel);
                });
                break;
            case "content-length-shorter-than-body":
                // Cuts the body inside the last item's description.
                var cut = feed.LastIndexOf("正文", StringComparison.Ordinal);
                server.Route(path, async (stream, cancel) =>
                {
                    await HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}", $"Content-Length: {Encoding.UTF8.GetByteCount(feed[..cut])}"], cancel);
                    await stream.WriteAsync(feedBytes, cancel);
                });
                break;
            case "content-length-invalid":
                server.Route(path, async (stream, cancel) =>
                {
                    await HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}", "Content-Length: -5"], cancel);
                    await stream.WriteAsync(feedBytes, cancel);
                });
                break;
            case "larger-than-cap-declared":
                server.Route(path, (stream, cancel) =>
                    HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}", $"Content-Length: {40L * 1024 * 1024}"], cancel));
                break;
            case "larger-than-cap-undeclared":
                server.Route(path, async (stream, cancel) =>
                {
                    await HostileServer.WriteHeadAsync(stream, 200, [$"Content-Type: {Rss}"], cancel);
                    var chunk = new byte[1024 * 1024];
                    chunk.AsSpan().Fill((byte)' ');
                    for (var i = 0; i < 40; i++) await stream.WriteAsync(chunk, cancel);
                });
                break;
            case "gzip-bomb":
                server.Serve(path, GzipBomb.Value, Rss, 200, "Content-Encoding: gzip");
                break;
            case "brotli-bomb":
                server.Serve(path, BrotliBomb.Value, Rss, 200, "Content-Encoding: br");
                break;
            case "corrupt-gzip":
                server.Serve(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, .. "this is not deflate data at all"u8.ToArray()], Rss, 200, "Content-Encoding: gzip");
                break;
            case "redirect-loop":
                server.Serve(path, [], Rss, 302, $"Location: /{path}");
                break;
            case "redirect-to-file":
                server.Serve(path, [], Rss, 301, "Location: file:///etc/passwd");
                break;
            case "redirect-to-ftp":
                server.Serve(path, [], Rss, 307, "Location: ftp://127.0.0.1/feed.xml");
                break;
            case "redirect-chain-301-302-307-308":
                server.Serve(path, [], Rss, 301, $"Location: /{path}.2");
                server.Serve(path + ".2", [], Rss, 302, $"Location: {server.Url(path + ".3")}");
                server.Serve(path + ".3", [], Rss, 307, $"Location: /{path}.4");
                server.Serve(path + ".4", [], Rss, 308, $"Location: /{path}.5");
                server.Serve(path + ".5", feedBytes, Rss);
                break;
            case "429-retry-after":
                server.Serve(path, [], Rss, 429, "Retry-After: 120");
                break;
            case "html-page":
                server.Serve(path, "<!doctype html><html><head><title>首页</title></head><body><p>不是订阅源</p></body></html>", "text/html; charset=utf-8");
                break;
            case "json-not-a-feed":
                server.Serve(path, """{"error":"maintenance","items":[1,2,3]}""", "application/json");
                break;
            case "image":
                server.Serve(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0], "image/png");
                break;
            case "empty-body":
                server.Serve(path, [], Rss);
                break;
            case "xml-external-entity":
                server.Serve(path, feed.Replace("<rss ", $"""
                    <!DOCTYPE rss [
                      <!ENTITY file SYSTEM "file:///etc/passwd">
                      <!ENTITY web SYSTEM "{server.Url("xxe")}">
                      <!ENTITY % remote SYSTEM "{server.Url("xxe-dtd")}">
                      %remote;
                    ]>
                    <rss 
                    """).Replace("正文 0", "正文 0 &file; &web;"));
                break;
            case "nested-entity-expansion":
                var laughs = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
                for (var i = 1; i <= 9; i++)
                    laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">\n");
                server.Serve(path, feed.Replace("<rss ", laughs.Append("]>\n<rss ").ToString()).Replace("正文 0", "正文 0 &lol9;"));
                break;
            default:
                var status = int.Parse(behaviour, System.Globalization.CultureInfo.InvariantCulture);
                server.Serve(path, "<html>error</html>"u8.ToArray(), "text/html", status);
                break;
        }
    }

    private static byte[] Bomb(Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 256; i++) compressing.Write(zeros);
        }
        return output.ToArray();
    }
}
