using AngleSharp.Dom;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>Turns a body as published into safe, self-contained HTML that keeps all of the article's text.</summary>
public static class BodyCleaner
{
    private static readonly string[] UrlAttributes = ["href", "src", "poster", "cite"];

    /// <summary>Drops junk and unsafe markup, resolves lazy images and relative URLs, strips tracking; returns the cleaned HTML.</summary>
    public static string Clean(string html, CleanupOptions options) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : SafeHtml.Sanitize(Prepare(html, options));

    /// <summary><see cref="Clean"/> followed by <see cref="SingleLineHtml.Of"/>, the form the archive stores.</summary>
    public static string CleanToSingleLine(string html, CleanupOptions options) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : SanitizedSingleLine.Of(Prepare(html, options));

    /// <summary>Everything <see cref="Clean"/> does before the sanitiser, on the parsed body; returns the body's HTML.</summary>
    private static string Prepare(string html, CleanupOptions options)
    {
        var root = HtmlFragment.Parse(html);
        foreach (var rule in options.Rules) rule.RemoveFrom(root);
        LazyImages.Resolve(root);
        SafeHtml.DropUnsafeElements(root, options.IframeHosts, options.BaseUrl);
        foreach (var pixel in root.QuerySelectorAll("img").Where(i => TrackingPixels.IsPixel(i, options.BaseUrl)).ToArray()) pixel.Remove();
        ResolveUrls(root, options.BaseUrl);
        foreach (var link in root.QuerySelectorAll("a[href]")) link.SetAttribute("href", TrackingParameters.Strip(link.GetAttribute("href")!));
        return root.InnerHtml;
    }

    private static void ResolveUrls(IElement root, Uri? baseUrl)
    {
        if (baseUrl is null) return;
        foreach (var element in root.QuerySelectorAll("*"))
        {
            foreach (var name in UrlAttributes)
            {
                if (element.GetAttribute(name) is { } value) element.SetAttribute(name, UrlText.Resolve(value, baseUrl));
            }
            if (element.GetAttribute("srcset") is { } srcset) element.SetAttribute("srcset", Srcset.Rewrite(srcset, u => UrlText.Resolve(u, baseUrl)));
        }
    }
}
