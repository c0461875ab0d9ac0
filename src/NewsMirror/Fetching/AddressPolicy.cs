using System.Net;

namespace NewsMirror.Fetching;

/// <summary>
/// What a source lets its page and image fetches reach beyond public addresses: everything
/// (<c>allow-private: true</c>) or the listed host names, IP addresses and CIDR ranges (<c>allow-hosts</c>).
/// </summary>
public sealed class AddressPolicy
{
    /// <summary>Public addresses only: the default for every source.</summary>
    public static readonly AddressPolicy PublicOnly = new(false, []);

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    /// <exception cref="FormatException">An entry is neither a host name, an IP address nor a CIDR range.</exception>
    public AddressPolicy(bool allowPrivate, IEnumerable<string> allowHosts)
    {
        AllowPrivate = allowPrivate;
        foreach (var entry in allowHosts)
        {
            if (IPNetwork.TryParse(entry, out var network)) _networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) _networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns) _hosts.Add(entry.TrimEnd('.').ToLowerInvariant());
            else throw new FormatException($"'{entry}' is not a host name, an IP address or a CIDR range such as 10.0.0.0/8");
        }
        Key = AllowPrivate ? "*" : string.Join(",", _hosts.Order(StringComparer.OrdinalIgnoreCase).Concat(_networks.Select(n => n.ToString()).Order()));
    }

    public bool AllowPrivate { get; }

    /// <summary>Equal for policies that allow the same; connections are pooled per key so none serves a laxer policy's request to a stricter one.</summary>
    public string Key { get; }

    /// <summary>Null when <paramref name="host"/> may be reached at <paramref name="address"/>, else why not.</summary>
    public string? Refusal(string host, IPAddress address)
    {
        if (AllowPrivate || _hosts.Contains(host.TrimEnd('.'))) return null;
        var unwrapped = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_networks.Any(n => n.Contains(unwrapped))) return null;
        return AddressGuard.Refusal(address);
    }
}
