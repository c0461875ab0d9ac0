using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsMirror.Tests.Cli;

/// <summary>A loopback HTTP server that answers exactly one request with a fixed body, then stops.</summary>
internal sealed class OneResponseServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;

    public OneResponseServer(byte[] body, string contentType)
    {
        _listener.Start();
        _serving = ServeAsync(body, contentType);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/feed.xml";

    /// <summary>The request line and headers the server received.</summary>
    public string Request { get; private set; } = "";

    private async Task ServeAsync(byte[] body, string contentType)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n"))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
                break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        Request = received.ToString();
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (SocketException)
        {
            // The test ended before a request came; stopping the listener ends the accept.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
