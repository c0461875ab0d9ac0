namespace NewsMirror.Identity;

/// <summary>
/// One line of a folder's identity log: what made an archived article what it is. Lines written before a
/// property existed simply lack it (null); the last line for a file is what the file holds.
/// </summary>
public sealed record IdentityLogEntry(
    long Id,
    string File,
    string? Guid,
    string Link,
    string Title,
    long? Published,
    DateTimeOffset Archived)
{
    /// <summary>Where the line came from.</summary>
    public static class Origins
    {
        /// <summary>Written by <c>newsmirror import</c> or <c>verify --fix</c> for a file that was already there.</summary>
        public const string Found = "found";
    }

    /// <summary>What a revision line says the source did to an archived article.</summary>
    public static class Changes
    {
        /// <summary>The file was rewritten with the source's new title and body.</summary>
        public const string Update = "update";

        /// <summary>The source changed the article; the file was kept as archived.</summary>
        public const string Ignore = "ignore";

        /// <summary>
        /// A probe of the article's page found its title or text changed (two probes agreeing); the file was kept.
        /// <see cref="Title"/> is the page's new title, <see cref="Seen"/> the digest of the new version (the probe log keeps its text).
        /// </summary>
        public const string Probe = "probe";
    }

    /// <summary><see cref="ContentHash"/> of the file's title and body (null on an ignore line: the file did not change).</summary>
    public string? Hash { get; init; }

    /// <summary><see cref="ContentHash"/> of the title and body as the source's feed gave them, to notice when the source revises the item.</summary>
    public string? Seen { get; init; }

    /// <summary>null: the run archived it from its source; <see cref="Origins.Found"/>: indexed from an existing file.</summary>
    public string? Origin { get; init; }

    /// <summary>null: the article was archived; else a revision (<see cref="Changes"/>) of the article already in <see cref="File"/>.</summary>
    public string? Change { get; init; }
}
