using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;

namespace NewsMirror.Bench.Catalog;

/// <summary>Serves RSS documents on 127.0.0.1 for the measured runs.</summary>
internal sealed class FeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _feeds = new();

    public FeedServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public void Serve(string name, IEnumerable<(string Title, string Link, DateTimeOffset Published, string Body)> items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>bench</title><link>https://example.org/</link><description>bench</description>\n");
        foreach (var (title, link, published, body) in items)
            xml.Append("<item><title>").Append(SecurityElement.Escape(title)).Append("</title><link>").Append(SecurityElement.Escape(link))
                .Append("</link><description><![CDATA[").Append(body).Append("]]></description><pubDate>")
                .Append(published.ToString("r")).Append("</pubDate></item>\n");
        _feeds[name] = Encoding.UTF8.GetBytes(xml.Append("</channel></rss>\n").ToString());
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var name = context.Request.Url!.AbsolutePath.Trim('/');
            if (_feeds.TryGetValue(name, out var body))
            {
                context.Response.ContentType = "application/rss+xml; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(body);
            }
            else context.Response.StatusCode = 404;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
