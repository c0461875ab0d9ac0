using System.Net;

namespace NewsMirror.Fetching;

/// <summary>
/// One request and its response as they went over the wire: the request's head (a GET has no body), the response's
/// status line and headers, and its body after transfer and content decoding (see <see cref="HttpMessageHead"/>).
/// </summary>
/// <param name="Target">The address requested (one hop: a redirect's target is an exchange of its own).</param>
/// <param name="Date">When the request was sent.</param>
public sealed record HttpExchange(Uri Target, DateTimeOffset Date, byte[] RequestHead, byte[] ResponseHead, byte[] Body)
{
    /// <summary>The server's address, where the connection step knew it.</summary>
    public IPAddress? Address { get; init; }
}
