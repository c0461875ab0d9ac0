using System.Globalization;
using System.Text;
using Set = NewsMirror.Urls.UrlPercentEncoding.Set;

namespace NewsMirror.Urls;

/// <summary>
/// <c>new URL(input).href</c> of JavaScript, for absolute URLs: the WHATWG URL parser and serialiser for the special
/// schemes (http, https, ftp, ws, wss, file) and for other schemes with or without an authority.
/// </summary>
/// <remarks>
/// Hand-written because the archive stores links exactly as the reference's JavaScript wrote them, and .NET's
/// <see cref="Uri"/> serialises differently: it unescapes some existing escapes and re-escapes others, does not
/// keep lower-case <c>%xx</c> as written, compresses or rejects inputs the standard accepts, and knows no
/// special-query or path encode sets.
/// </remarks>
public static class WhatwgUrl
{
    private static readonly Dictionary<string, int?> SpecialSchemeDefaultPorts = new()
    {
        ["http"] = 80, ["https"] = 443, ["ws"] = 80, ["wss"] = 443, ["ftp"] = 21, ["file"] = null,
    };

    /// <summary>The URL's <c>href</c>, or null where <c>new URL(input)</c> would throw.</summary>
    public static string? Serialize(string input)
    {
        var text = RemoveIgnoredCharacters(input);
        int colon = SchemeLength(text);
        if (colon < 0) return null;
        var scheme = text[..colon].ToLowerInvariant();
        var rest = text[(colon + 1)..];

        // '#' always starts the fragment and '?' the query: no earlier state lets either through.
        string? fragment = CutAfter(ref rest, '#');
        string? query = CutAfter(ref rest, '?');
        bool isSpecial = SpecialSchemeDefaultPorts.ContainsKey(scheme);

        var output = new StringBuilder(scheme).Append(':');
        bool ok = scheme == "file" ? AppendFileHierarchy(output, rest)
            : isSpecial ? AppendSpecialHierarchy(output, rest, SpecialSchemeDefaultPorts[scheme])
            : AppendOtherHierarchy(output, rest);
        if (!ok) return null;

        if (query is not null) UrlPercentEncoding.Append(output.Append('?'), query, isSpecial ? Set.SpecialQuery : Set.Query);
        if (fragment is not null) UrlPercentEncoding.Append(output.Append('#'), fragment, Set.Fragment);
        return output.ToString();
    }

    /// <summary>Leading and trailing C0 controls and spaces are stripped; tabs and newlines vanish anywhere.</summary>
    private static string RemoveIgnoredCharacters(string input)
    {
        int start = 0, end = input.Length;
        while (start < end && input[start] <= ' ') start++;
        while (end > start && input[end - 1] <= ' ') end--;
        var output = new StringBuilder(end - start);
        foreach (char c in input.AsSpan(start, end - start))
            if (c is not ('\t' or '\n' or '\r')) output.Append(c);
        return output.ToString();
    }

    /// <summary>Length of a valid scheme ending at the first ':', or -1 (without a base URL that is failure).</summary>
    private static int SchemeLength(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0])) return -1;
        int i = 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '-' or '.')) i++;
        return i < text.Length && text[i] == ':' ? i : -1;
    }

    private static string? CutAfter(ref string text, char delimiter)
    {
        int at = text.IndexOf(delimiter);
        if (at < 0) return null;
        var after = text[(at + 1)..];
        text = text[..at];
        return after;
    }

    private static bool IsSlash(char c, bool isSpecial) => c == '/' || (isSpecial && c == '\\');

    private static int IndexOfSlash(string text, bool isSpecial) =>
        isSpecial ? text.AsSpan().IndexOfAny('/', '\\') : text.IndexOf('/');

    /// <summary>http, https, ws, wss, ftp: any run of slashes, an authority with a non-empty host, then a path.</summary>
    private static bool AppendSpecialHierarchy(StringBuilder output, string rest, int? defaultPort)
    {
        rest = rest.TrimStart(['/', '\\']);
        int pathStart = IndexOfSlash(rest, isSpecial: true);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? "" : rest[pathStart..];

        if (!TryAppendAuthority(output, authority, isSpecial: true, defaultPort)) return false;
        AppendPath(output, ResolvePath(path, isSpecial: true, isFile: false));
        return true;
    }

    /// <summary>file: an optional host after two slashes ("localhost" becomes empty), Windows drive letters kept in the path.</summary>
    private static bool AppendFileHierarchy(StringBuilder output, string rest)
    {
        string host = "";
        string path = rest;
        if (rest.Length >= 2 && IsSlash(rest[0], true) && IsSlash(rest[1], true))
        {
            var afterSlashes = rest[2..];
            int hostEnd = IndexOfSlash(afterSlashes, isSpecial: true);
            var hostText = hostEnd < 0 ? afterSlashes : afterSlashes[..hostEnd];
            if (IsWindowsDriveLetter(hostText))
                path = afterSlashes;
            else
            {
                path = hostEnd < 0 ? "" : afterSlashes[hostEnd..];
                if (hostText.Length > 0)
                {
                    var parsed = UrlHost.Parse(hostText, isSpecial: true);
                    if (parsed is null) return false;
                    host = parsed == "localhost" ? "" : parsed;
                }
            }
        }
        output.Append("//").Append(host);
        AppendPath(output, ResolvePath(path, isSpecial: true, isFile: true));
        return true;
    }

    /// <summary>Any other scheme: "//authority/path", "/path" or an opaque path.</summary>
    private static bool AppendOtherHierarchy(StringBuilder output, string rest)
    {
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var afterSlashes = rest[2..];
            int pathStart = afterSlashes.IndexOf('/');
            var authority = pathStart < 0 ? afterSlashes : afterSlashes[..pathStart];
            if (!TryAppendAuthority(output, authority, isSpecial: false, defaultPort: null)) return false;
            AppendPath(output, ResolvePath(pathStart < 0 ? "" : afterSlashes[pathStart..], isSpecial: false, isFile: false));
            return true;
        }
        if (rest.StartsWith('/'))
        {
            var path = ResolvePath(rest, isSpecial: false, isFile: false);
            // Without "/." a path starting with an empty segment would serialise as "//…" and read back as a host.
            if (path.Count > 1 && path[0].Length == 0) output.Append("/.");
            AppendPath(output, path);
            return true;
        }
        UrlPercentEncoding.Append(output, rest, Set.C0Control);
        return true;
    }

    private static bool TryAppendAuthority(StringBuilder output, string authority, bool isSpecial, int? defaultPort)
    {
        int at = authority.LastIndexOf('@');
        var hostAndPort = authority[(at + 1)..];
        if (at >= 0 && hostAndPort.Length == 0) return false;

        int portColon = PortColon(hostAndPort);
        var hostText = portColon < 0 ? hostAndPort : hostAndPort[..portColon];
        if (isSpecial && hostText.Length == 0) return false;
        var host = hostText.Length == 0 ? "" : UrlHost.Parse(hostText, isSpecial);
        if (host is null) return false;

        int? port = null;
        if (portColon >= 0 && !TryParsePort(hostAndPort[(portColon + 1)..], out port)) return false;
        if (port == defaultPort) port = null;

        output.Append("//");
        if (at > 0) AppendUserinfo(output, authority[..at]);
        output.Append(host);
        if (port is { } p) output.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static void AppendUserinfo(StringBuilder output, string userinfo)
    {
        int colon = userinfo.IndexOf(':');
        var username = UrlPercentEncoding.Encode(colon < 0 ? userinfo : userinfo.AsSpan(0, colon), Set.Userinfo);
        var password = colon < 0 ? "" : UrlPercentEncoding.Encode(userinfo.AsSpan(colon + 1), Set.Userinfo);
        if (username.Length == 0 && password.Length == 0) return;
        output.Append(username);
        if (password.Length > 0) output.Append(':').Append(password);
        output.Append('@');
    }

    /// <summary>The ':' that starts the port: the first one outside an IPv6 literal's brackets.</summary>
    private static int PortColon(string hostAndPort)
    {
        bool insideBrackets = false;
        for (int i = 0; i < hostAndPort.Length; i++)
        {
            char c = hostAndPort[i];
            if (c == '[') insideBrackets = true;
            else if (c == ']') insideBrackets = false;
            else if (c == ':' && !insideBrackets) return i;
        }
        return -1;
    }

    private static bool TryParsePort(string text, out int? port)
    {
        port = null;
        if (text.Length == 0) return true;
        if (!text.All(char.IsAsciiDigit)) return false;
        var digits = text.AsSpan().TrimStart('0');
        if (digits.Length > 5) return false;
        int value = digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
        if (value > 65535) return false;
        port = value;
        return true;
    }

    /// <summary>
    /// The path state: split at slashes, percent-encode each segment, drop "." and pop on ".." (also when
    /// written as <c>%2e</c>). A dot segment at the end leaves an empty last segment, so the path ends with '/'.
    /// </summary>
    private static List<string> ResolvePath(string text, bool isSpecial, bool isFile)
    {
        var path = new List<string>();
        if (!isSpecial && text.Length == 0) return path;
        if (text.Length > 0 && IsSlash(text[0], isSpecial)) text = text[1..];

        var segments = isSpecial ? text.Split('/', '\\') : text.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            bool isLast = i == segments.Length - 1;
            var segment = UrlPercentEncoding.Encode(segments[i], Set.Path);
            if (IsDoubleDotSegment(segment))
            {
                bool keepsDriveLetter = isFile && path.Count == 1 && IsNormalizedWindowsDriveLetter(path[0]);
                if (path.Count > 0 && !keepsDriveLetter) path.RemoveAt(path.Count - 1);
                if (isLast) path.Add("");
            }
            else if (IsSingleDotSegment(segment))
            {
                if (isLast) path.Add("");
            }
            else
            {
                if (isFile && path.Count == 0 && IsWindowsDriveLetter(segment)) segment = segment[0] + ":";
                path.Add(segment);
            }
        }
        return path;
    }

    private static void AppendPath(StringBuilder output, List<string> path)
    {
        foreach (var segment in path) output.Append('/').Append(segment);
    }

    private static bool IsSingleDotSegment(string segment) =>
        segment == "." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDoubleDotSegment(string segment) => segment.ToLowerInvariant() is ".." or ".%2e" or "%2e." or "%2e%2e";

    private static bool IsWindowsDriveLetter(string text) =>
        text.Length == 2 && char.IsAsciiLetter(text[0]) && text[1] is ':' or '|';

    private static bool IsNormalizedWindowsDriveLetter(string text) =>
        text.Length == 2 && char.IsAsciiLetter(text[0]) && text[1] == ':';
}
