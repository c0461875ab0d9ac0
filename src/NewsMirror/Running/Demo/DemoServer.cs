using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NewsMirror.Running.Demo;

/// <summary>
/// The demo's stand-in for the outlets' web servers: fixed responses over HTTP on 127.0.0.1 (a free port), with a log
/// of every request, so a demo run needs no network and shows what it fetched.
/// </summary>
public sealed class DemoServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private IReadOnlyDictionary<string, DemoResponse> _responses = new Dictionary<string, DemoResponse>();

    private DemoServer(HttpListener listener, Uri url)
    {
        _listener = listener;
        BaseUrl = url;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The path of every request received, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static DemoServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                return new DemoServer(listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another.
                listener.Close();
            }
        }
    }

    /// <summary>Replaces what the server answers: path (starting with '/') → response; other paths get 404.</summary>
    public void Serve(IReadOnlyDictionary<string, DemoResponse> responses) => _responses = responses;

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
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? "/";
        Requests.Enqueue(path);
        try
        {
            if (_responses.TryGetValue(path, out var response))
            {
                context.Response.StatusCode = response.Status;
                context.Response.ContentType = response.ContentType;
                context.Response.ContentLength64 = response.Body.Length;
                await context.Response.OutputStream.WriteAsync(response.Body);
            }
            else context.Response.StatusCode = 404;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to answer.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
    }
}
