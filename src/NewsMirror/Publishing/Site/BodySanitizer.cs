using AngleSharp.Dom;
using Ganss.Xss;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Makes an archived body safe to show: the archive holds whatever feeds sent, so bodies are never trusted. Scripts,
/// event handlers, forms, <c>javascript:</c> URLs and embedded frames go, except YouTube and Vimeo players; images,
/// figures and video stay when their URLs are http(s) or relative.
/// </summary>
internal static class BodySanitizer
{
    private static readonly string[] PlayerPrefixes =
    [
        "https://www.youtube.com/embed/",
        "https://www.youtube-nocookie.com/embed/",
        "https://player.vimeo.com/video/",
    ];

    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(Create);

    public static string Sanitize(string body) => body.Length == 0 ? "" : Sanitizer.Value!.Sanitize(body);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "figure", "figcaption", "picture", "video", "audio", "source", "track", "iframe" })
            sanitizer.AllowedTags.Add(tag);
        // HtmlSanitizer allows forms by default; an archived page must not post anywhere.
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label", "datalist", "output" })
            sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in new[] { "srcset", "sizes", "loading", "controls", "poster", "preload", "muted", "loop", "playsinline", "allowfullscreen", "kind", "srclang", "label" })
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.UriAttributes.Add("poster");
        sanitizer.PostProcessDom += (_, e) => Restrict(e.Document);
        return sanitizer;
    }

    private static void Restrict(IParentNode document)
    {
        foreach (var frame in document.QuerySelectorAll("iframe").ToList())
        {
            var source = frame.GetAttribute("src") ?? "";
            if (!PlayerPrefixes.Any(p => source.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                frame.Remove();
                continue;
            }
            frame.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation");
            frame.SetAttribute("loading", "lazy");
        }
        foreach (var image in document.QuerySelectorAll("img"))
            image.SetAttribute("loading", "lazy");
        foreach (var link in document.QuerySelectorAll("a[href]"))
            link.SetAttribute("rel", "noopener noreferrer nofollow");
    }
}
