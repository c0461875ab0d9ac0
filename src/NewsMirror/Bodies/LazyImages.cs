using AngleSharp.Dom;
using NewsMirror.Urls;

namespace NewsMirror.Bodies;

/// <summary>
/// Gives lazy-loaded images the source a browser would end up showing, and drops the
/// <c>noscript</c> copies sites add for readers without JavaScript once they are redundant.
/// </summary>
internal static class LazyImages
{
    private static readonly string[] SourceAttributes = ["data-src", "data-original", "data-lazy-src", "data-actualsrc", "data-lazyload"];
    private static readonly string[] SrcsetAttributes = ["data-srcset", "data-lazy-srcset"];
    private static readonly string[] SizesAttributes = ["data-sizes", "data-lazy-sizes"];

    /// <summary>Resolves the images under <paramref name="root"/>; returns whether a <c>noscript</c> was unwrapped (its content moved up).</summary>
    public static bool Resolve(IElement root)
    {
        foreach (var image in root.QuerySelectorAll("img").ToArray()) ResolveImage(image);
        var unwrapped = false;
        foreach (var noscript in root.QuerySelectorAll("noscript").ToArray()) unwrapped |= ResolveNoscript(noscript);
        return unwrapped;
    }

    private static void ResolveImage(IElement image)
    {
        var lazySource = FirstValue(image, SourceAttributes);
        var lazySrcset = FirstValue(image, SrcsetAttributes);
        var lazySizes = FirstValue(image, SizesAttributes);
        if (lazySrcset is not null) image.SetAttribute("srcset", lazySrcset);
        if (lazySizes is not null) image.SetAttribute("sizes", lazySizes);

        // A lazy attribute is what the page's script would load, so it beats the placeholder in src.
        var source = lazySource ?? (HasRealSource(image) ? null : Srcset.Best(image.GetAttribute("srcset")));
        if (source is not null) image.SetAttribute("src", source);
    }

    private static bool HasRealSource(IElement image)
    {
        var src = image.GetAttribute("src")?.Trim();
        return !string.IsNullOrEmpty(src) && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }

    private static string? FirstValue(IElement element, string[] attributes) =>
        attributes.Select(element.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>A noscript whose images already show beside it goes; any other is unwrapped, since an archive runs no scripts.</summary>
    private static bool ResolveNoscript(IElement noscript)
    {
        var images = noscript.QuerySelectorAll("img").Select(i => i.GetAttribute("src")).ToArray();
        var parent = noscript.ParentElement;
        var shown = parent?.QuerySelectorAll("img")
            .Where(i => !noscript.Contains(i))
            .Select(i => i.GetAttribute("src"))
            .ToHashSet() ?? [];
        var onlyDuplicates = images.Length > 0 && images.All(shown.Contains) && HtmlText.Of(noscript).Length == 0;
        if (onlyDuplicates) noscript.Remove();
        else HtmlFragment.Unwrap(noscript);
        return !onlyDuplicates;
    }
}
