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

    /// <summary>One pass over the few elements that need it: a selector query per kind would cost more than the sanitizing.</summary>
    private static void Restrict(IParentNode document)
    {
        foreach (var element in document.QuerySelectorAll("iframe, img, a[href]"))
        {
            switch (element.LocalName)
            {
                case "iframe":
                    var source = element.GetAttribute("src") ?? "";
                    if (!PlayerPrefixes.Any(p => source.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                    {
                        element.Remove();
                        break;
                    }
                    element.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation");
                    element.SetAttribute("loading", "lazy");
                    break;
                case "img":
                    element.SetAttribute("loading", "lazy");
                    break;
                default:
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                    break;
            }
        }
    }
}
