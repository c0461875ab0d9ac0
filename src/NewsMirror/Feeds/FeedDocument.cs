namespace NewsMirror.Feeds;

/// <summary>A parsed feed. Recoveries the parser had to make are listed in <see cref="Errors"/>; the feed still parsed.</summary>
public sealed record FeedDocument
{
    /// <summary>One of rss2.0, rss1.0, rss0.9x, atom1.0, atom0.3, cdf (Microsoft Channel Definition Format), json.</summary>
    public required string Format { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public string? Author { get; init; }

    /// <summary>The feed's author with name, e-mail and web address told apart.</summary>
    public FeedPerson? AuthorDetail { get; init; }

    /// <summary>How often the publisher says the feed changes (RSS ttl or the syndication module), when it says so.</summary>
    public TimeSpan? UpdatePeriod { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<FeedItem> Items { get; init; } = [];
}
