using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

public class SiteServerTests
{
    /// <summary>Sends a raw request line, so paths reach the server exactly as written (HttpClient would normalise "..").</summary>
    private static async Task<string> RawGet(Uri server, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task It_serves_the_site_below_its_prefix_on_loopback_and_nothing_outside_it()
    {
        using var archive = new TestArchive();
        archive.AddSource("中文", "中文");
        archive.Write("中文", 1, "你好", "<p>x</p>");
        archive.Build();
        File.WriteAllText(Path.Combine(archive.Root, "secret.txt"), "secret");

        using var server = SiteServer.Start(archive.Site, 0, "/mirror/");
        using var http = new HttpClient();

        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.Equal("/mirror/", server.Url.AbsolutePath);
        var home = await http.GetAsync(server.Url);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType!.MediaType);
        Assert.Equal(archive.ReadSite("index.html"), await home.Content.ReadAsStringAsync());
        var article = await http.GetAsync(new Uri(server.Url, "articles/%E4%B8%AD%E6%96%87/1.html"));
        Assert.Contains("你好", await article.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(server.Url, ".newsmirror/pages.tsv"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(server.Url, "missing.html"))).StatusCode);
        Assert.StartsWith("HTTP/1.1 404", await RawGet(server.Url, "/mirror/../secret.txt"));
        Assert.StartsWith("HTTP/1.1 404", await RawGet(server.Url, "/mirror/%2e%2e/secret.txt"));
    }
}
