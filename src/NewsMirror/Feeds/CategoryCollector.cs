using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>
/// Gathers an item's category terms in document order, each once (as feedparser's tags): the format's
/// own category element is added by its reader, the extensions every format shares are read here.
/// </summary>
internal sealed class CategoryCollector
{
    private readonly List<string> _terms = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Terms => _terms;

    public void Add(string? term)
    {
        var trimmed = term?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && _seen.Add(trimmed))
            _terms.Add(trimmed);
    }

    /// <summary>
    /// Reads <paramref name="element"/> when it is dc:subject, media:category (also inside media:group and
    /// media:content), itunes:category (with its subcategories) or itunes:keywords (comma-separated).
    /// </summary>
    public void AddExtension(LenientElement element)
    {
        switch (element.NamespaceUri, element.LocalName)
        {
            case (FeedNamespaces.DublinCore, "subject"):
            case (FeedNamespaces.Media, "category"):
                Add(element.InnerText());
                break;
            case (FeedNamespaces.Media, "group" or "content"):
                foreach (var child in element.Elements())
                    AddExtension(child);
                break;
            case (FeedNamespaces.ITunes, "category"):
                Add(element.Attribute("text"));
                foreach (var child in element.Elements())
                    AddExtension(child);
                break;
            case (FeedNamespaces.ITunes, "keywords"):
                foreach (var keyword in element.InnerText().Split(','))
                    Add(keyword);
                break;
        }
    }
}
