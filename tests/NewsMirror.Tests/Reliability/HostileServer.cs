using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 written on a raw socket, so a route can misbehave in ways Kestrel never
/// would: stall before the status line, drip bytes, lie about Content-Length, close mid-body. Each route
/// writes the raw response itself; the connection is closed when it returns.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Func<Stream, CancellationToken, Task>> _routes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public HostileServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Every request path, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public void Route(string path, Func<Stream, CancellationToken, Task> respond) => _routes["/" + path.TrimStart('/')] = respond;

    /// <summary>A well-formed response with a Content-Length.</summary>
    public void Serve(string path, byte[] body, string contentType, int status = 200, params string[] headers) =>
        Route(path, async (stream, cancel) =>
        {
            await WriteHeadAsync(stream, status, [$"Content-Type: {contentType}", $"Content-Length: {body.Length}", .. headers], cancel);
            await stream.WriteAsync(body, cancel);
        });

    public void Serve(string path, string body, string contentType = "application/rss+xml; charset=utf-8") =>
        Serve(path, Encoding.UTF8.GetBytes(body), contentType);

    public static async Task WriteHeadAsync(Stream stream, int status, IEnumerable<string> headers, CancellationToken cancel)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\nConnection: close\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancel);
        await stream.FlushAsync(cancel);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 301 => "Moved Permanently", 302 => "Found", 304 => "Not Modified", 307 => "Temporary Redirect",
        308 => "Permanent Redirect", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 410 => "Gone",
        429 => "Too Many Requests", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status",
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = ServeConnectionAsync(socket);
        }
    }

    private async Task ServeConnectionAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            var path = await ReadRequestPathAsync(stream, _stop.Token);
            if (path is null) return;
            Requests.Enqueue(path);
            if (_routes.TryGetValue(path, out var respond)) await respond(stream, _stop.Token);
            else await WriteHeadAsync(stream, 404, ["Content-Length: 0"], _stop.Token);
            await stream.FlushAsync(_stop.Token);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (timeout, size cap) or the server is stopping: both are expected here.
        }
    }

    /// <summary>Reads the request head (bounded) and returns its path without the query, or null if the client left.</summary>
    private static async Task<string?> ReadRequestPathAsync(Stream stream, CancellationToken cancel)
    {
        var head = new List<byte>();
        var buffer = new byte[1024];
        while (head.Count < 64 * 1024)
        {
            var read = await stream.ReadAsync(buffer, cancel);
            if (read == 0) return null;
            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.ASCII.GetString(head.ToArray());
            if (!text.Contains("\r\n\r\n")) continue;
            var target = text.Split(' ', 3)[1];
            var query = target.IndexOf('?');
            return query < 0 ? target : target[..query];
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
