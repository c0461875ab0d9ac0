using System.Text.RegularExpressions;

namespace NewsMirror.Content;

/// <summary>URL handling on attribute values as written, without re-encoding what is already absolute.</summary>
internal static partial class UrlText
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    /// <summary>True for values that carry their own scheme (https:, javascript:, data:…).</summary>
    public static bool HasScheme(string value) => SchemePrefix().IsMatch(value.TrimStart());

    /// <summary>
    /// Resolves a relative or protocol-relative value against <paramref name="baseUrl"/>. Values with a scheme,
    /// bare fragments and values that do not resolve are returned unchanged.
    /// </summary>
    public static string Resolve(string value, Uri? baseUrl)
    {
        var trimmed = value.Trim();
        if (baseUrl is null || trimmed.Length == 0 || trimmed.StartsWith('#') || HasScheme(trimmed)) return value;
        return Uri.TryCreate(baseUrl, trimmed, out var absolute) ? absolute.AbsoluteUri : value;
    }

    /// <summary>The absolute http(s) URL of <paramref name="value"/>, or null. Protocol-relative values become https when no base is known.</summary>
    public static Uri? AbsoluteHttp(string value, Uri? baseUrl)
    {
        var trimmed = value.Trim();
        var resolved = baseUrl is null && trimmed.StartsWith("//", StringComparison.Ordinal) ? "https:" + trimmed : Resolve(trimmed, baseUrl);
        return Uri.TryCreate(resolved, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }

    /// <summary>True when <paramref name="host"/> is <paramref name="allowed"/> or one of its subdomains.</summary>
    public static bool IsHostOrSubdomain(string host, string allowed)
    {
        allowed = allowed.Trim().TrimEnd('.').ToLowerInvariant();
        host = host.ToLowerInvariant();
        return allowed.Length > 0 && (host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal));
    }
}
