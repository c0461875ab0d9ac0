using System.Net.Http.Headers;
using System.Text;

namespace NewsMirror.Fetching;

/// <summary>
/// The head of an HTTP/1.1 message (start line, headers, blank line) rebuilt from what <see cref="HttpClient"/>
/// sent and received, for raw captures.
/// </summary>
/// <remarks>
/// The handler decodes Content-Encoding itself (the fetcher's size cap counts decoded bytes, which is what stops a
/// compression bomb), and in doing so removes Content-Encoding and Content-Length from the response. A capture
/// therefore keeps the decoded body, described by headers that say so — no Content-Encoding, a Content-Length of the
/// body kept and no Transfer-Encoding — so that a WARC reader never tries to decode it a second time.
/// </remarks>
internal static class HttpMessageHead
{
    public static byte[] Request(HttpRequestMessage request)
    {
        var text = new StringBuilder();
        text.Append(request.Method.Method).Append(' ').Append(request.RequestUri!.PathAndQuery).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(request.RequestUri.IsDefaultPort ? request.RequestUri.IdnHost : $"{request.RequestUri.IdnHost}:{request.RequestUri.Port}").Append("\r\n");
        Append(text, request.Headers, skip: "Host");
        text.Append("\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    public static byte[] Response(HttpResponseMessage response, int bodyLength)
    {
        var text = new StringBuilder();
        text.Append("HTTP/").Append(response.Version.Major).Append('.').Append(response.Version.Minor).Append(' ')
            .Append((int)response.StatusCode);
        if (!string.IsNullOrEmpty(response.ReasonPhrase)) text.Append(' ').Append(response.ReasonPhrase);
        text.Append("\r\n");
        Append(text, response.Headers, skip: "Transfer-Encoding");
        Append(text, response.Content.Headers, skip: "Content-Length");
        text.Append("Content-Length: ").Append(bodyLength).Append("\r\n\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    private static void Append(StringBuilder text, HttpHeaders headers, string skip)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            if (string.Equals(name, skip, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values)
                // A header value never spans lines in a capture, whatever the server sent.
                text.Append(name).Append(": ").Append(value.Replace("\r", "").Replace("\n", " ")).Append("\r\n");
        }
    }
}
