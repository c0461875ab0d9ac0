namespace NewsMirror.Feeds;

/// <summary>
/// The namespaces the readers understand, in one canonical spelling each. Real feeds write several
/// variants of the same URI (with or without a trailing slash, https) and sometimes use a well-known
/// prefix without declaring it; both are mapped here so readers can compare with plain equality.
/// </summary>
internal static class FeedNamespaces
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string Syndication = "http://purl.org/rss/1.0/modules/syndication/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    private static readonly Dictionary<string, string> Variants = BuildVariants();

    private static readonly Dictionary<string, string> WellKnownPrefixes = new(StringComparer.Ordinal)
    {
        ["atom"] = Atom,
        ["rdf"] = Rdf,
        ["content"] = Content,
        ["dc"] = DublinCore,
        ["dcterms"] = DublinCoreTerms,
        ["sy"] = Syndication,
        ["media"] = Media,
        ["xhtml"] = Xhtml,
        ["xml"] = Xml,
        ["itunes"] = ITunes,
    };

    /// <summary>The canonical spelling of a declared namespace URI (unknown URIs are returned unchanged).</summary>
    public static string Canonical(string uri)
    {
        var key = uri.Trim();
        return Variants.TryGetValue(key.TrimEnd('/', '#').Replace("https://", "http://", StringComparison.OrdinalIgnoreCase), out var canonical)
            ? canonical
            : key;
    }

    /// <summary>The namespace conventionally bound to a prefix, for feeds that use it without declaring it.</summary>
    public static string? ForUndeclaredPrefix(string prefix) =>
        WellKnownPrefixes.GetValueOrDefault(prefix.ToLowerInvariant());

    private static Dictionary<string, string> BuildVariants()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var uri in new[] { Atom, Atom03, Rss10, Rss090, Rdf, Content, DublinCore, DublinCoreTerms, Syndication, Media, Xhtml, Xml, ITunes })
            map[uri.TrimEnd('/', '#')] = uri;
        map["http://purl.org/atom/ns#draft-ietf-atompub-format-08"] = Atom;
        map["http://backend.userland.com/rss2"] = "";
        map["http://blogs.law.harvard.edu/tech/rss"] = "";
        return map;
    }
}
