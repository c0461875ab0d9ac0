using System.Text;
using System.Text.RegularExpressions;
using NewsMirror.Urls;

namespace NewsMirror.Feeds;

/// <summary>
/// Makes the relative URLs inside an HTML body absolute against the xml:base in effect where the body was
/// written, as feedparser does, so an archived body never holds a link that only worked on the outlet's
/// own site. Only the values that are relative are rewritten, in
/// place: the rest of the body stays byte for byte as the feed wrote it.
/// </summary>
internal static partial class HtmlBodyUrls
{
    /// <summary>Attributes holding one URL (feedparser's list, plus the HTML5 poster and formaction).</summary>
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "poster", "cite", "background", "longdesc", "action", "formaction", "codebase", "data", "usemap", "icon", "profile",
    };

    public static string? Resolve(string? html, string? baseUri)
    {
        if (string.IsNullOrEmpty(html) || baseUri is null || !html.Contains('<') || !Uri.TryCreate(baseUri, UriKind.Absolute, out var baseUrl))
            return html;
        StringBuilder? result = null;
        var copied = 0;
        foreach (Match tag in StartTag().Matches(html))
        {
            foreach (Match attribute in Attribute().Matches(tag.Value))
            {
                var value = attribute.Groups["value"];
                var name = attribute.Groups["name"].Value;
                var rewritten = name.Equals("srcset", StringComparison.OrdinalIgnoreCase) ? ResolveSrcset(value.Value, baseUrl)
                    : UrlAttributes.Contains(name) ? ResolveOne(value.Value, baseUrl)
                    : null;
                if (rewritten is null || rewritten == value.Value)
                    continue;
                var start = tag.Index + value.Index;
                result ??= new StringBuilder(html.Length + 64);
                result.Append(html, copied, start - copied).Append(rewritten);
                copied = start + value.Length;
            }
        }
        return result is null ? html : result.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>The absolute form of a relative value; null for values that are absolute, bare fragments or empty.</summary>
    private static string? ResolveOne(string value, Uri baseUrl)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || UrlText.HasScheme(trimmed))
            return null;
        return UrlText.Resolve(value, baseUrl);
    }

    private static string? ResolveSrcset(string value, Uri baseUrl) =>
        Srcset.Parse(value).Any(c => ResolveOne(c.Url, baseUrl) is not null)
            ? Srcset.Rewrite(value, url => ResolveOne(url, baseUrl) ?? url)
            : null;

    // A start tag; quoted attribute values may hold '>'.
    [GeneratedRegex("""<[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>""", RegexOptions.CultureInvariant)]
    private static partial Regex StartTag();

    // One name=value attribute inside a start tag, the value with or without quotes.
    [GeneratedRegex("""[\s"'](?<name>[^\s"'>/=]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'>]+))""", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
