using System.Net;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// A local preview server for a built site: static files over HTTP on 127.0.0.1 only, below a path prefix (so the
/// site can be tried under a sub-path as it would be published). Not meant to face the internet.
/// </summary>
public sealed class SiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".xml"] = "application/atom+xml; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".webp"] = "image/webp",
    };

    private readonly LoopbackListener _listener;
    private readonly string _root;
    private readonly string _prefix;

    private SiteServer(string root, string prefix, int port)
    {
        _root = Path.GetFullPath(root);
        _prefix = prefix;
        _listener = LoopbackListener.Start(port, prefix, context => { Respond(context); return Task.CompletedTask; });
    }

    /// <summary>The site's address, ending in <c>/</c>.</summary>
    public Uri Url => _listener.Url;

    /// <param name="port">0 picks a free port.</param>
    /// <param name="pathPrefix">The path the site is served under, e.g. <c>/</c> or <c>/mirror/</c>.</param>
    public static SiteServer Start(string siteDirectory, int port = 0, string pathPrefix = "/")
    {
        var prefix = "/" + pathPrefix.Trim('/') + (pathPrefix.Trim('/').Length > 0 ? "/" : "");
        return new SiteServer(siteDirectory, prefix, port);
    }

    public void Dispose() => _listener.Dispose();

    private void Respond(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            if (path + "/" == _prefix)
            {
                response.Redirect(_prefix);
                return;
            }
            if (!path.StartsWith(_prefix, StringComparison.Ordinal))
            {
                response.StatusCode = 404;
                return;
            }
            var file = Resolve(Uri.UnescapeDataString(path[_prefix.Length..]));
            if (file is null)
            {
                response.StatusCode = 404;
                return;
            }
            if (Directory.Exists(file))
            {
                if (!path.EndsWith('/')) { response.Redirect(path + "/"); return; }
                file = Path.Combine(file, "index.html");
                if (!File.Exists(file)) { response.StatusCode = 404; return; }
            }
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            var bytes = File.ReadAllBytes(file);
            response.ContentLength64 = bytes.Length;
            if (context.Request.HttpMethod == "GET") response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or UnauthorizedAccessException)
        {
            response.StatusCode = 500;
        }
        finally
        {
            try { response.Close(); }
            catch (HttpListenerException) { }
        }
    }

    /// <summary>The file or folder for a request path below the prefix; null outside the site or for hidden entries (the manifest).</summary>
    private string? Resolve(string relative)
    {
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s.StartsWith('.') || s.Contains('\\'))) return null;
        var full = Path.GetFullPath(Path.Combine([_root, .. segments]));
        if (!full.StartsWith(_root, StringComparison.Ordinal)) return null;
        return File.Exists(full) || Directory.Exists(full) ? full : null;
    }
}
