using NewsMirror.Bodies;
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

/// <summary>Whether an article body is cleaned before it is archived.</summary>
public enum CleanupMode
{
    /// <summary>Sanitise, drop junk (built-in rules for the outlet's folder plus <see cref="SourceConfig.Remove"/>), resolve URLs and lazy images.</summary>
    Default,

    /// <summary>Keep the body byte for byte as the feed or page gave it (what the reference archive holds).</summary>
    None,
}

/// <summary>What happens to the images of an article body.</summary>
public enum ImageMode
{
    Keep,

    /// <summary>Rewrite image URLs through <see cref="SourceConfig.ImageProxy"/>.</summary>
    Proxy,

    /// <summary>Download the images next to the article and point the body at the copies (a later step).</summary>
    Localize,
}

/// <summary>What a run does when an archived item comes back from its source with a changed title or body.</summary>
public enum ChangePolicy
{
    /// <summary>Keep the archived file as it is (the reference's behaviour); the catalog still records the change.</summary>
    Ignore,

    /// <summary>Rewrite the archived file in place with the new version (git keeps the earlier text) and record the revision.</summary>
    Update,
}

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

    /// <summary>Items kept only when they match every field given here (null: all items).</summary>
    public ItemPatterns? Include { get; init; }

    /// <summary>Items dropped when they match any field given here.</summary>
    public ItemPatterns? Exclude { get; init; }

    public CleanupMode Cleanup { get; init; } = CleanupMode.Default;

    /// <summary>CSS selectors of elements to drop from the body, on top of the built-in rules of the outlet's folder.</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];

    /// <summary>Hosts (and their subdomains) whose iframes are kept, on top of the built-in video hosts.</summary>
    public IReadOnlyList<string> IframeHosts { get; init; } = [];

    public ImageMode Images { get; init; } = ImageMode.Keep;

    /// <summary>Proxy URL template: <c>{url}</c> is replaced by the URL-encoded absolute image URL, <c>{url_raw}</c> by the URL as it is.</summary>
    public string ImageProxy { get; init; } = "https://images.weserv.nl/?url={url}";

    /// <summary>Referer to send per image host when localizing (host or parent domain → referer URL, empty for none), on top of the built-in table.</summary>
    public IReadOnlyDictionary<string, string> Referers { get; init; } = new Dictionary<string, string>();

    /// <summary>Article pages and images may be fetched from private, loopback and link-local addresses too (normally refused).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Host names, IP addresses or CIDR ranges that article pages and images may be fetched from although they are not public.</summary>
    public IReadOnlyList<string> AllowHosts { get; init; } = [];

    /// <summary>What a run does when an archived item comes back changed.</summary>
    public ChangePolicy OnChange { get; init; } = ChangePolicy.Ignore;

    /// <summary>When archived articles are fetched again to notice edits and removals at the source.</summary>
    public ProbeSchedule Probe { get; init; } = ProbeSchedule.Default;

    /// <summary>Zone for feed times that carry none.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>BCP 47 language of the outlet's articles (the <c>lang</c> of their site pages): zh-Hans, zh-Hant, en…</summary>
    public string Language { get; init; } = "zh-Hans";
}
