using System.Net;
using System.Net.Sockets;

namespace NewsMirror.Fetching;

/// <summary>
/// The connect step of page and image fetches: resolves the host itself, refuses it unless every address is
/// allowed by the request's <see cref="AddressPolicy"/>, and connects to exactly the addresses it checked — so
/// neither a second DNS answer nor a redirect can slip a private address past the check.
/// </summary>
internal static class GuardedConnection
{
    public static readonly HttpRequestOptionsKey<AddressPolicy> PolicyOption = new("NewsMirror.AddressPolicy");

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var policy = context.InitialRequestMessage.Options.TryGetValue(PolicyOption, out var p) ? p : AddressPolicy.PublicOnly;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancel);
        foreach (var address in addresses)
            if (policy.Refusal(host, address) is { } kind)
                throw new FetchException($"refused to connect to {host} ({address} is a {kind} address; allow it with the source's allow-hosts or allow-private key)");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
