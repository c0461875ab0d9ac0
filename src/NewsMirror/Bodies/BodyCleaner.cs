using AngleSharp.Dom;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>Turns a body as published into safe, self-contained HTML that keeps all of the article's text.</summary>
public static class BodyCleaner
{
    private static readonly string[] UrlAttributes = ["href", "src", "poster", "cite"];

    /// <summary>Drops junk and unsafe markup, resolves lazy images and relative URLs, strips tracking; returns the cleaned HTML.</summary>
    public static string Clean(string html, CleanupOptions options)
    {
        if (string.IsNullOrWhiteSpace(html)) return string.Empty;
        var root = HtmlFragment.Parse(html);
        Prepare(root, options);
        return SafeHtml.Sanitize(root.InnerHtml);
    }

    /// <summary><see cref="Clean"/> followed by <see cref="SingleLineHtml.Of"/>, the form the archive stores.</summary>
    public static string CleanToSingleLine(string html, CleanupOptions options)
    {
        if (string.IsNullOrWhiteSpace(html)) return string.Empty;
        var root = HtmlFragment.Parse(html);
        var unwrapped = Prepare(root, options);
        return SanitizedSingleLine.Of(root, unwrapped);
    }

    /// <summary>Everything <see cref="Clean"/> does before the sanitiser; returns whether elements were unwrapped (not only removed).</summary>
    private static bool Prepare(IElement root, CleanupOptions options)
    {
        foreach (var rule in options.Rules) rule.RemoveFrom(root);
        var unwrapped = LazyImages.Resolve(root);
        SafeHtml.DropUnsafeElements(root, options.IframeHosts, options.BaseUrl);
        foreach (var pixel in root.QuerySelectorAll("img").Where(i => TrackingPixels.IsPixel(i, options.BaseUrl)).ToArray()) pixel.Remove();
        ResolveUrls(root, options.BaseUrl);
        foreach (var link in root.QuerySelectorAll("a[href]")) link.SetAttribute("href", TrackingParameters.Strip(link.GetAttribute("href")!));
        return unwrapped;
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
