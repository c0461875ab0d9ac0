namespace NewsMirror.Archive;

/// <summary>One line of a folder's identity log: what made an archived article what it is.</summary>
public sealed record IdentityLogEntry(
    long Id,
    string File,
    string? Guid,
    string Link,
    string Title,
    long? Published,
    DateTimeOffset Archived);
