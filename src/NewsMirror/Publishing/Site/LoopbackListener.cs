using System.Net;
using System.Net.Sockets;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// An HTTP listener on 127.0.0.1 only, each request handed to a handler on the thread pool: the part the site preview
/// and the demo's stand-in outlets share. Never meant to face the internet.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    private LoopbackListener(HttpListener listener, Uri url, Func<HttpListenerContext, Task> handle)
    {
        _listener = listener;
        _handle = handle;
        Url = url;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The listener's address: <c>http://127.0.0.1:PORT</c> and the path prefix, ending in <c>/</c>.</summary>
    public Uri Url { get; }

    /// <param name="port">0 picks a free port.</param>
    /// <param name="pathPrefix">The path served, starting and ending with <c>/</c>.</param>
    public static LoopbackListener Start(int port, string pathPrefix, Func<HttpListenerContext, Task> handle)
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{(port != 0 ? port : FreePort())}{pathPrefix}");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                return new LoopbackListener(listener, url, handle);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                // Another process took the free port between probing and binding: try another.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => _handle(context));
        }
    }
}
