using NewsMirror.Sources;

namespace NewsMirror.Fetching;

/// <summary>The address policy of a source's page and image fetches, built from its allow-private and allow-hosts keys.</summary>
internal static class FetchPolicy
{
    public static AddressPolicy For(SourceConfig source) =>
        !source.AllowPrivate && source.AllowHosts.Count == 0 ? AddressPolicy.PublicOnly : new AddressPolicy(source.AllowPrivate, source.AllowHosts);
}
