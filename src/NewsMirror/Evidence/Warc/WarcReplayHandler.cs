using System.Net;
using NewsMirror.Fetching;

namespace NewsMirror.Evidence.Warc;

/// <summary>
/// Answers a fetcher's requests from captured responses instead of the network (<c>reparse</c>): the newest capture
/// of the address, or a failure that names the address as not captured. Nothing is fetched.
/// </summary>
public sealed class WarcReplayHandler(WarcCaptures captures) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        var uri = request.RequestUri!;
        if (captures.Latest(uri) is not { } captured)
            throw new HttpRequestException($"{uri} was not captured", new FetchException($"not in the raw captures (nothing is fetched when reparsing): {uri}"));
        var response = new HttpResponseMessage((HttpStatusCode)captured.Status)
        {
            ReasonPhrase = captured.Reason,
            RequestMessage = request,
            Content = new ByteArrayContent(captured.Body),
        };
        foreach (var (name, value) in captured.Headers)
            if (!response.Headers.TryAddWithoutValidation(name, value))
                response.Content.Headers.TryAddWithoutValidation(name, value);
        return Task.FromResult(response);
    }
}
