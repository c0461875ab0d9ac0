namespace NewsMirror.Identity;

/// <summary>An article already in a folder, as far as identity and list pages need to know it.</summary>
public sealed record StoredArticle(long Id, string File, long? TimestampMs, string Title, string Link, string? Guid);
