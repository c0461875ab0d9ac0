namespace NewsMirror.Feeds;

/// <summary>What the parser needs to know beyond the bytes.</summary>
public sealed record FeedParseOptions
{
    /// <summary>The HTTP Content-Type header value, if any (its charset takes part in encoding detection).</summary>
    public string? ContentType { get; init; }

    /// <summary>The address the document came from; relative links resolve against it.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Zone for date-times that carry none.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Larger documents are refused before parsing.</summary>
    public long MaxDocumentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Deeper element (or JSON) nesting is refused: no real feed comes close.</summary>
    public int MaxDepth { get; init; } = 256;
}
