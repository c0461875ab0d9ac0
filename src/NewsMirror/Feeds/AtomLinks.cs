using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>The link elements of an Atom feed or entry (also used inside RSS as atom:link).</summary>
internal static class AtomLinks
{
    /// <summary>
    /// The rel="alternate" (or rel-less) link, preferring an HTML one over other types, resolved
    /// against xml:base and the feed URL.
    /// </summary>
    public static string? Alternate(LenientElement parent, string atomNamespace)
    {
        LenientElement? first = null;
        foreach (var link in parent.Elements())
        {
            if (!link.Is(atomNamespace, "link") || (link.Attribute("rel")?.Trim() ?? "alternate") != "alternate" || string.IsNullOrWhiteSpace(link.Attribute("href")))
                continue;
            var type = link.Attribute("type");
            if (type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase))
                return FeedParseContext.Link(link, link.Attribute("href"));
            first ??= link;
        }
        return first is null ? null : FeedParseContext.Link(first, first.Attribute("href"));
    }

    public static IEnumerable<LenientElement> WithRel(LenientElement parent, string atomNamespace, string rel) =>
        parent.Elements().Where(e => e.Is(atomNamespace, "link") && e.Attribute("rel")?.Trim() == rel);
}
