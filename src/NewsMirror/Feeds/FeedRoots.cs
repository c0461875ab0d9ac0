using NewsMirror.Feeds.Xml;
namespace NewsMirror.Feeds;

/// <summary>Which format reader a document's root element calls for, by its name and namespace rather than its prefix.</summary>
internal static class FeedRoots
{
    /// <summary>The reader for a root element, or null when the element is no feed root (junk before the root, or not a feed).</summary>
    public static XmlFeedReader? ChooseReader(LenientElement root, FeedParseContext context)
    {
        switch (root.LocalName)
        {
            case "rss":
                var version = root.Attribute("version")?.Trim() ?? "";
                return new RssReader(context, version.StartsWith("0.9", StringComparison.Ordinal) ? "rss0.9x" : "rss2.0", root.NamespaceUri);
            case "RDF":
                var isRss090 = root.Attributes.Any(a => FeedNamespaces.Canonical(a.Value) == FeedNamespaces.Rss090);
                return new RssReader(context, isRss090 ? "rss0.9x" : "rss1.0");
            case "feed":
                return Atom(root, context);
            case "channel" when root.Attribute("href", StringComparison.OrdinalIgnoreCase) is null:
                context.Log.Add("channel without an rss root read as RSS 2.0");
                return new RssReader(context, "rss2.0", root.NamespaceUri);
            default:
                // Microsoft's Channel Definition Format: <CHANNEL HREF="..."> holding <ITEM HREF="...">.
                return root.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase) ? new CdfReader(context) : null;
        }
    }

    /// <summary>
    /// Atom 1.0 by its namespace; Atom 0.3 by its namespace or version attribute. A feed root in any other
    /// namespace (drafts and misspelt variants) is read in that namespace, as feedparser does, with a note.
    /// </summary>
    private static AtomReader Atom(LenientElement root, FeedParseContext context)
    {
        var isAtom03 = root.NamespaceUri == FeedNamespaces.Atom03 || root.Attribute("version")?.Trim().StartsWith("0.", StringComparison.Ordinal) == true;
        switch (root.NamespaceUri)
        {
            case FeedNamespaces.Atom or FeedNamespaces.Atom03:
                break;
            case "":
                context.Log.Add($"feed element without the Atom namespace read as Atom {(isAtom03 ? "0.3" : "1.0")}");
                break;
            default:
                context.Log.Add($"feed element in the unknown namespace {root.NamespaceUri} read as Atom {(isAtom03 ? "0.3" : "1.0")}");
                break;
        }
        return new AtomReader(context, root.NamespaceUri, isAtom03);
    }
}
