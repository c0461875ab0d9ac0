using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using NewsMirror.Urls;

namespace NewsMirror.Fetching;

/// <summary>
/// Fetches feeds and pages over http(s), or from file:// addresses and local paths. Redirects are followed
/// here, not by the handler, so the limit and the allowed schemes are checked at every hop.
/// Addresses taken from feed content (article pages, images) go through <see cref="FetchUntrustedAsync"/>:
/// http(s) only, and only to addresses their source's <see cref="AddressPolicy"/> allows.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchLimits _limits;

    /// <summary>One client per policy: a pooled connection is only ever reused by requests under the policy that opened it.</summary>
    private readonly ConcurrentDictionary<string, HttpClient> _guarded = new(StringComparer.Ordinal);

    /// <summary>Answers requests instead of the network (a replay of captured responses); null: the network.</summary>
    private readonly Func<HttpMessageHandler>? _handlers;

    public HttpFetcher(FetchLimits? limits = null)
    {
        _limits = limits ?? new FetchLimits();
        _client = CreateClient(guarded: false);
    }

    /// <summary>
    /// A fetcher whose http(s) requests are answered by handlers from <paramref name="handlers"/> (one per client)
    /// instead of the network; limits, redirects and decoding work as they do on the network.
    /// </summary>
    public HttpFetcher(FetchLimits? limits, Func<HttpMessageHandler> handlers)
    {
        _limits = limits ?? new FetchLimits();
        _handlers = handlers;
        _client = CreateClient(guarded: false);
    }

    /// <summary>Told of every http(s) exchange before the fetch returns (raw capture); null: none is kept.</summary>
    public IExchangeRecorder? Recorder { get; init; }

    private HttpClient CreateClient(bool guarded)
    {
        if (_handlers is not null) return Configure(new HttpClient(_handlers()) { Timeout = Timeout.InfiniteTimeSpan });
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _limits.Timeout,
            MaxConnectionsPerServer = _limits.MaxConnectionsPerHost,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        if (guarded) handler.ConnectCallback = GuardedConnection.ConnectAsync;
        return Configure(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
    }

    private HttpClient Configure(HttpClient client)
    {
        client.DefaultRequestHeaders.UserAgent.ParseAdd(_limits.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
        return client;
    }

    /// <summary>Fetches an address the operator configured (a feed): any address, file:// URLs and local paths included.</summary>
    /// <param name="address">http(s) or file:// URL, or a local path (relative ones resolve against <paramref name="baseDirectory"/>).</param>
    /// <param name="referer">Sent where a CDN refuses requests without its own site as referrer.</param>
    /// <param name="maxBytes">A tighter cap than the fetcher's own, e.g. for images.</param>
    /// <param name="validators">Sent as If-None-Match / If-Modified-Since; a 304 then comes back as <see cref="FetchResult.NotModified"/>.</param>
    public async Task<FetchResult> FetchAsync(string address, string baseDirectory, CancellationToken cancel, Uri? referer = null, long? maxBytes = null,
        Validators? validators = null)
    {
        var cap = Cap(maxBytes);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.IsFile)
            return await ReadLocalAsync(uri?.IsFile == true ? uri.LocalPath : Path.GetFullPath(address, baseDirectory), cap, cancel);
        if (!HttpUrl.Is(uri))
            throw new FetchException($"unsupported address scheme '{uri.Scheme}:'");
        return await FetchHttpAsync(_client, uri, null, referer, cap, cancel, validators);
    }

    /// <summary>
    /// Fetches an address that came from feed content (an article page, an image): http(s) only, never a local
    /// file, and refused when the host resolves — at any redirect — to an address <paramref name="policy"/> does not allow.
    /// </summary>
    /// <param name="validators">Sent as If-None-Match / If-Modified-Since (a re-probe of an archived article); a 304 then comes back as <see cref="FetchResult.NotModified"/>.</param>
    public async Task<FetchResult> FetchUntrustedAsync(string address, AddressPolicy policy, CancellationToken cancel, Uri? referer = null, long? maxBytes = null,
        Validators? validators = null)
    {
        if (!HttpUrl.TryParse(address, out var uri))
            throw new FetchException("not an http(s) address");
        var client = _guarded.GetOrAdd(policy.Key, _ => CreateClient(guarded: true));
        return await FetchHttpAsync(client, uri, policy, referer, Cap(maxBytes), cancel, validators);
    }

    private long Cap(long? maxBytes) => Math.Min(maxBytes ?? _limits.MaxBytes, _limits.MaxBytes);

    private async Task<FetchResult> FetchHttpAsync(HttpClient client, Uri uri, AddressPolicy? policy, Uri? referer, long cap, CancellationToken cancel,
        Validators? validators = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(_limits.Timeout);
        try
        {
            return await FollowAsync(client, uri, policy, referer, cap, validators ?? Validators.None, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new FetchException($"timed out after {_limits.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(Describe(e, uri), e);
        }
        catch (IOException e)
        {
            // The body broke off (connection closed, fewer bytes than Content-Length) after the headers came.
            throw new FetchException($"connection to {uri.Authority} broke: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new FetchException($"connection to {uri.Authority} broke: the compressed body is corrupt ({e.Message})", e);
        }
    }

    private async Task<FetchResult> FollowAsync(HttpClient client, Uri uri, AddressPolicy? policy, Uri? referer, long cap, Validators validators,
        CancellationToken cancel)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Referrer = referer;
            // Validators are the server's own strings: sent back verbatim, not re-parsed (some feeds send weak or malformed ETags).
            if (validators.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (validators.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
            if (policy is not null) request.Options.Set(GuardedConnection.PolicyOption, policy);
            var sent = DateTimeOffset.UtcNow;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            var status = (int)response.StatusCode;
            var success = status is >= 200 and <= 299;
            var body = success ? await ReadCappedAsync(response.Content, cap, cancel) : null;
            if (Recorder is not null) await RecordAsync(request, response, sent, body, cap, cancel);
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                if (hop >= _limits.MaxRedirects)
                    throw new FetchException($"too many redirects (more than {_limits.MaxRedirects})");
                var location = response.Headers.Location
                    ?? throw new FetchException($"HTTP {status} redirect without a Location header");
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                if (!HttpUrl.Is(next))
                    throw new FetchException($"redirect to a '{next.Scheme}:' address refused");
                uri = next;
                continue;
            }
            var received = ValidatorsOf(response);
            if (status == 304 && !validators.IsEmpty)
                return new FetchResult([], null, uri) { NotModified = true, Validators = received.IsEmpty ? validators : received };
            if (status is < 200 or > 299)
            {
                var retry = RetryAfter.From(response.Headers.RetryAfter);
                throw new FetchException($"HTTP {status} {response.ReasonPhrase}".TrimEnd() + (retry is null ? "" : $" ({retry})")) { RetryAfter = retry, Status = status, Url = uri };
            }

            return new FetchResult(body!, response.Content.Headers.ContentType?.ToString(), uri) { Validators = received };
        }
    }

    /// <summary>
    /// Hands the exchange to the recorder. Redirects and error answers are kept too (their bodies read as far as the
    /// cap allows), as evidence of what the server said; a body that cannot be read is kept empty.
    /// </summary>
    private async Task RecordAsync(HttpRequestMessage request, HttpResponseMessage response, DateTimeOffset sent, byte[]? body, long cap,
        CancellationToken cancel)
    {
        if (body is null)
        {
            try { body = await ReadCappedAsync(response.Content, cap, cancel); }
            catch (Exception e) when (e is FetchException or IOException or HttpRequestException or InvalidDataException) { body = []; }
        }
        var exchange = new HttpExchange(request.RequestUri!, sent, HttpMessageHead.Request(request), HttpMessageHead.Response(response, body.Length), body);
        try
        {
            Recorder!.Record(exchange);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException($"the raw capture of {request.RequestUri} could not be kept: {e.Message}", e);
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancel)
    {
        if (content.Headers.ContentLength > cap)
            throw new FetchException($"response larger than the {Size(cap)} limit (Content-Length {content.Headers.ContentLength})");
        await using var stream = await content.ReadAsStreamAsync(cancel);
        return await ReadCappedAsync(stream, cap, cancel);
    }

    /// <summary>Counts decompressed bytes, so a compression bomb stops at the cap like any other large body.</summary>
    private static async Task<byte[]> ReadCappedAsync(Stream stream, long cap, CancellationToken cancel)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > cap)
                throw new FetchException($"response larger than the {Size(cap)} limit");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<FetchResult> ReadLocalAsync(string path, long cap, CancellationToken cancel)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return new FetchResult(await ReadCappedAsync(stream, cap, cancel), null, new Uri(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException($"cannot read {path}: {e.Message}", e);
        }
    }

    private static string Describe(HttpRequestException e, Uri uri) => e.InnerException switch
    {
        FetchException refused => refused.Message,
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } =>
            $"DNS lookup failed for {uri.Host}",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"connection refused by {uri.Authority}",
        SocketException s => $"network error reaching {uri.Authority}: {s.Message}",
        IOException io => $"connection to {uri.Authority} broke: {io.Message}",
        _ => $"request to {uri.Authority} failed: {e.Message}",
    };

    private static Validators ValidatorsOf(HttpResponseMessage response) => new(
        response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null,
        response.Content.Headers.TryGetValues("Last-Modified", out var modified) ? modified.FirstOrDefault() : null);

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MiB" : $"{bytes / 1024} KiB";

    public void Dispose()
    {
        _client.Dispose();
        foreach (var client in _guarded.Values) client.Dispose();
    }
}
