using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsMirror.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 (Kestrel, random port) whose routes each test sets.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request path served, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.DispatchAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public string Url(string path) => new Uri(BaseUrl, path.TrimStart('/')).ToString();

    public void Handle(string path, RequestDelegate handler) => _routes["/" + path.TrimStart('/')] = handler;

    public void Serve(string path, string body, string contentType = "application/rss+xml; charset=utf-8") =>
        Serve(path, Encoding.UTF8.GetBytes(body), contentType);

    public void Serve(string path, byte[] body, string contentType) => Handle(path, async context =>
    {
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body);
    });

    public void Status(string path, int status) => Handle(path, context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    private Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue(path + context.Request.QueryString);
        if (_routes.TryGetValue(path, out var handler)) return handler(context);
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
