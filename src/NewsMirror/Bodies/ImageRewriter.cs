using AngleSharp.Dom;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>Image URL work on bodies: proxying, listing for download, and pointing at local copies.</summary>
public static class ImageRewriter
{
    private const string UrlPlaceholder = "{url}";
    private const string RawUrlPlaceholder = "{url_raw}";

    /// <summary>Hosts of image proxies: their URLs are already proxied and left alone.</summary>
    private static readonly string[] ProxyHosts = ["images.weserv.nl", "wsrv.nl", "i0.wp.com", "i1.wp.com", "i2.wp.com", "imageproxy.ifunny.co"];

    /// <summary>
    /// Rewrites every <c>img</c> src and srcset, <c>picture source</c> srcset and <c>video</c> poster through
    /// <paramref name="template"/>. Relative URLs resolve against <paramref name="baseUrl"/> first; data: URLs,
    /// URLs that do not resolve and URLs already on a proxy are kept.
    /// </summary>
    public static string Proxy(string html, string template, Uri? baseUrl)
    {
        if (!template.Contains(UrlPlaceholder, StringComparison.Ordinal) && !template.Contains(RawUrlPlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"Image proxy template \"{template}\" has neither {UrlPlaceholder} nor {RawUrlPlaceholder}.", nameof(template));
        var proxyPrefix = template[..IndexOfPlaceholder(template)];
        return Rewrite(html, url =>
        {
            var absolute = UrlText.AbsoluteHttp(url, baseUrl);
            if (absolute is null || IsProxied(absolute, url, proxyPrefix)) return url;
            return template
                .Replace(RawUrlPlaceholder, absolute.AbsoluteUri, StringComparison.Ordinal)
                .Replace(UrlPlaceholder, Uri.EscapeDataString(absolute.AbsoluteUri), StringComparison.Ordinal);
        });
    }

    /// <summary>The distinct absolute http(s) image URLs of a body, in document order (for downloading them).</summary>
    public static IReadOnlyList<string> ListImageUrls(string html, Uri? baseUrl)
    {
        var urls = new List<string>();
        foreach (var (_, value, isSrcset) in ImageUrlAttributes(HtmlFragment.Parse(html)))
        {
            var candidates = isSrcset ? Srcset.Parse(value).Select(c => c.Url) : [value];
            urls.AddRange(candidates.Select(c => UrlText.AbsoluteHttp(c, baseUrl)?.AbsoluteUri).OfType<string>());
        }
        return urls.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Points image URLs at local copies: each URL found in <paramref name="localPaths"/>, as written or as
    /// <see cref="ListImageUrls"/> returned it, is replaced by its path; others are kept.
    /// </summary>
    public static string Localize(string html, IReadOnlyDictionary<string, string> localPaths, Uri? baseUrl) =>
        Rewrite(html, url =>
            localPaths.TryGetValue(url, out var path) ? path
            : UrlText.AbsoluteHttp(url, baseUrl) is { } absolute && localPaths.TryGetValue(absolute.AbsoluteUri, out path) ? path
            : url);

    private static string Rewrite(string html, Func<string, string> rewriteUrl)
    {
        if (string.IsNullOrWhiteSpace(html)) return html;
        var root = HtmlFragment.Parse(html);
        var changed = false;
        foreach (var (attribute, value, isSrcset) in ImageUrlAttributes(root))
        {
            var rewritten = isSrcset ? Srcset.Rewrite(value, rewriteUrl) : rewriteUrl(value);
            if (rewritten == value) continue;
            attribute.Value = rewritten;
            changed = true;
        }
        return changed ? root.InnerHtml : html;
    }

    private static IEnumerable<(IAttr Attribute, string Value, bool IsSrcset)> ImageUrlAttributes(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("img, picture source, video[poster]"))
        {
            foreach (var name in new[] { "src", "srcset", "poster" })
            {
                if (name == "src" && element.LocalName != "img") continue;
                if (element.Attributes[name] is { } attribute && !string.IsNullOrWhiteSpace(attribute.Value))
                    yield return (attribute, attribute.Value, name == "srcset");
            }
        }
    }

    private static bool IsProxied(Uri absolute, string original, string proxyPrefix) =>
        ProxyHosts.Any(h => UrlText.IsHostOrSubdomain(absolute.Host, h))
        || (proxyPrefix.Length > 0 && original.StartsWith(proxyPrefix, StringComparison.OrdinalIgnoreCase));

    private static int IndexOfPlaceholder(string template)
    {
        var raw = template.IndexOf(RawUrlPlaceholder, StringComparison.Ordinal);
        var encoded = template.IndexOf(UrlPlaceholder, StringComparison.Ordinal);
        return raw < 0 ? encoded : encoded < 0 ? raw : Math.Min(raw, encoded);
    }
}
