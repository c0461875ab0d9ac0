using System.Text.RegularExpressions;

namespace NewsMirror.Feeds;

/// <summary>
/// Resolves relative links. An absolute link is returned exactly as written (the archive serialises it
/// later, WHATWG-style); only relative ones are combined with their base.
/// </summary>
internal static partial class LinkResolver
{
    public static bool IsAbsolute(string link) => SchemePrefix().IsMatch(link);

    public static string Resolve(string? baseUri, string link)
    {
        if (IsAbsolute(link) || baseUri is null || !Uri.TryCreate(baseUri, UriKind.Absolute, out var baseAddress))
            return link;
        return Uri.TryCreate(baseAddress, link, out var resolved) ? resolved.AbsoluteUri : link;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
