using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsMirror.Bench.Loopback;

/// <summary>Kestrel on 127.0.0.1 (a free port) serving the documents the benchmark puts in it: feeds and article pages.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, string Type)> _documents = new(StringComparer.Ordinal);

    private FeedServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (starting with '/'); returns its full URL.</summary>
    public string Put(string path, byte[] body, string type)
    {
        _documents[path] = (body, type);
        return BaseUrl + path;
    }

    public void Clear() => _documents.Clear();

    private async Task ServeAsync(HttpContext context)
    {
        if (!_documents.TryGetValue(context.Request.Path.Value ?? "", out var document))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = document.Type;
        context.Response.ContentLength = document.Body.Length;
        await context.Response.Body.WriteAsync(document.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
