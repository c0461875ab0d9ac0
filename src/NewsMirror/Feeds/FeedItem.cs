namespace NewsMirror.Feeds;

/// <summary>One entry of a feed as the parser saw it, before any archive decision.</summary>
public sealed record FeedItem
{
    /// <summary>Identity within the feed: the guid/id when present, else the link, else a hash of title and content.</summary>
    public required string Id { get; init; }

    /// <summary>The raw guid (RSS) or id (Atom, JSON Feed) text, when the item has one.</summary>
    public string? Guid { get; init; }

    /// <summary>Plain text, entities decoded, not trimmed (the archive trims the way the reference does).</summary>
    public string? Title { get; init; }

    /// <summary>The item's main link, resolved to an absolute URL where possible.</summary>
    public string? Link { get; init; }

    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The author as the feed wrote it (a name, or for RSS often "e-mail (name)").</summary>
    public string? Author { get; init; }

    /// <summary>The same author with name, e-mail and web address told apart.</summary>
    public FeedPerson? AuthorDetail { get; init; }

    /// <summary>HTML of description / Atom summary / JSON Feed summary.</summary>
    public string? Summary { get; init; }

    /// <summary>HTML of content:encoded (or xhtml:body, fullitem) / Atom content / JSON Feed content_html.</summary>
    public string? Content { get; init; }

    /// <summary>category, dc:subject, media:category, itunes:category and itunes:keywords terms, each once, in document order.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}

public sealed record FeedEnclosure(string Url, string? Type, long? Length);
