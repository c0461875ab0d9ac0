namespace NewsMirror.Sources;

/// <summary>Which feed field becomes the article body.</summary>
public enum BodyField { Auto, Description, Content }

/// <summary>Which feed field becomes the article's link.</summary>
public enum LinkField { Link, Guid }

/// <summary>How a new article's file id is chosen.</summary>
public enum IdScheme
{
    /// <summary>Count down below the smallest id in the folder (the reference's scheme for feed outlets).</summary>
    Countdown,

    /// <summary>0xFFFFF XOR the WordPress post number in the guid (the reference's scheme for 中国数字时代).</summary>
    WordPressPost,
}

/// <summary>Which items of a feed are kept, by category, before anything is fetched.</summary>
public enum CategoryRule { Any, SymbolOrEmoji }

/// <summary>One outlet to archive: where its feed is and how its items become article files.</summary>
public sealed record SourceConfig
{
    public required string Name { get; init; }
    public required string Folder { get; init; }
    public required string Url { get; init; }
    public BodyField Body { get; init; } = BodyField.Auto;
    public LinkField Link { get; init; } = LinkField.Link;
    public bool Enabled { get; init; } = true;

    /// <summary>null: the feed's body is the article. Otherwise a CSS selector whose first match on the fetched article page is the body.</summary>
    public string? FullText { get; init; }

    public IdScheme Ids { get; init; } = IdScheme.Countdown;
    public CategoryRule Categories { get; init; } = CategoryRule.Any;

    /// <summary>Zone for feed times that carry none.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
