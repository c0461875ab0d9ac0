using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>Gathers an item's enclosures (RSS enclosure, Atom enclosure links, Media RSS), each URL once.</summary>
internal sealed class EnclosureCollector
{
    private List<FeedEnclosure>? _enclosures;

    public IReadOnlyList<FeedEnclosure> Enclosures => (IReadOnlyList<FeedEnclosure>?)_enclosures ?? [];

    public void Add(LenientElement element, string? url, string? type, long? length)
    {
        var resolved = FeedParseContext.Link(element, url);
        if (resolved is null || _enclosures?.Exists(e => e.Url == resolved) == true)
            return;
        (_enclosures ??= []).Add(new FeedEnclosure(resolved, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), length));
    }

    /// <summary>
    /// media:content and media:thumbnail, directly, inside media:group or (thumbnails) inside media:content;
    /// thumbnails typed image/*, as Miniflux does.
    /// </summary>
    public void AddMedia(LenientElement parent)
    {
        foreach (var element in parent.Elements())
        {
            if (element.NamespaceUri != FeedNamespaces.Media)
                continue;
            switch (element.LocalName)
            {
                case "group":
                    AddMedia(element);
                    break;
                case "content":
                    Add(element, element.Attribute("url"), element.Attribute("type") ?? MediumType(element.Attribute("medium")),
                        long.TryParse(element.Attribute("fileSize"), out var size) && size >= 0 ? size : null);
                    AddMedia(element);
                    break;
                case "thumbnail":
                    Add(element, element.Attribute("url"), "image/*", null);
                    break;
            }
        }
    }

    private static string? MediumType(string? medium) => medium switch
    {
        "image" => "image/*",
        "video" => "video/*",
        "audio" => "audio/*",
        _ => null,
    };
}
