using System.Text.RegularExpressions;

namespace NewsMirror.Urls;

/// <summary>URL handling on attribute values as written, without re-encoding what is already absolute.</summary>
internal static partial class UrlText
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();

    /// <summary>True for values that carry their own scheme (https:, javascript:, data:…).</summary>
    public static bool HasScheme(string value) => SchemePrefix().IsMatch(value.TrimStart());

    /// <summary>
    /// Resolves a relative or protocol-relative value against <paramref name="baseUrl"/>, after removing what
    /// the URL standard ignores (leading and trailing controls and spaces, tabs and newlines anywhere), so that
    /// the scheme seen here is the one a browser would see. Values with a scheme and bare fragments come back
    /// without those characters but otherwise as written; values that do not resolve come back unchanged.
    /// </summary>
    public static string Resolve(string value, Uri? baseUrl)
    {
        var cleaned = AsBrowserReadsIt(value);
        if (cleaned.Length == 0 || cleaned.StartsWith('#') || HasScheme(cleaned)) return cleaned;
        if (baseUrl is null) return value;
        return Uri.TryCreate(baseUrl, cleaned, out var absolute) ? absolute.AbsoluteUri : value;
    }

    private static string AsBrowserReadsIt(string value)
    {
        var trimmed = value.Trim(ControlsAndSpace);
        return trimmed.IndexOfAny(['\t', '\n', '\r']) < 0 ? trimmed : string.Concat(trimmed.Where(c => c is not ('\t' or '\n' or '\r')));
    }

    private static readonly char[] ControlsAndSpace = Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray();

    /// <summary>The absolute http(s) URL of <paramref name="value"/>, or null. Protocol-relative values become https when no base is known.</summary>
    public static Uri? AbsoluteHttp(string value, Uri? baseUrl)
    {
        var trimmed = AsBrowserReadsIt(value);
        var resolved = baseUrl is null && trimmed.StartsWith("//", StringComparison.Ordinal) ? "https:" + trimmed : Resolve(trimmed, baseUrl);
        return HttpUrl.TryParse(resolved, out var uri) ? uri : null;
    }

    /// <summary>True when <paramref name="host"/> is <paramref name="allowed"/> or one of its subdomains.</summary>
    public static bool IsHostOrSubdomain(string host, string allowed)
    {
        allowed = allowed.Trim().TrimEnd('.').ToLowerInvariant();
        host = host.ToLowerInvariant();
        return allowed.Length > 0 && (host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal));
    }
}
