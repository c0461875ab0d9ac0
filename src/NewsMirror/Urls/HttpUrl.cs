using System.Diagnostics.CodeAnalysis;

namespace NewsMirror.Urls;

/// <summary>
/// The one test for "an http or https URL": the only schemes NewsMirror fetches from the web or makes clickable.
/// <see cref="Uri"/> lower-cases the scheme, so <c>HTTPS://</c> passes and <c>httpx://</c> does not.
/// </summary>
public static class HttpUrl
{
    /// <summary>True when <paramref name="uri"/> is absolute and its scheme is http or https.</summary>
    public static bool Is(Uri uri) => uri.IsAbsoluteUri && uri.Scheme is "http" or "https";

    /// <summary>True when <paramref name="text"/> is an absolute http(s) URL as written (nothing trimmed or resolved).</summary>
    public static bool Is([NotNullWhen(true)] string? text) => TryParse(text, out _);

    /// <summary>The absolute http(s) URL <paramref name="text"/> spells; false (and null) for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Uri? uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && Is(parsed))
        {
            uri = parsed;
            return true;
        }
        uri = null;
        return false;
    }
}
