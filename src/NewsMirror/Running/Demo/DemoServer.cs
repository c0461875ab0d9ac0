using System.Collections.Concurrent;
using System.Net;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Running.Demo;

/// <summary>
/// The demo's stand-in for the outlets' web servers: fixed responses over HTTP on 127.0.0.1 (a free port), with a log
/// of every request, so a demo run needs no network and shows what it fetched.
/// </summary>
public sealed class DemoServer : IDisposable
{
    private readonly LoopbackListener _listener;
    private IReadOnlyDictionary<string, DemoResponse> _responses = new Dictionary<string, DemoResponse>();

    private DemoServer() => _listener = LoopbackListener.Start(0, "/", AnswerAsync);

    /// <summary>The server's address, ending in <c>/</c>.</summary>
    public Uri BaseUrl => _listener.Url;

    /// <summary>The path of every request received, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static DemoServer Start() => new();

    /// <summary>Replaces what the server answers: path (starting with '/') → response; other paths get 404.</summary>
    public void Serve(IReadOnlyDictionary<string, DemoResponse> responses) => _responses = responses;

    public void Dispose() => _listener.Dispose();

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
}
