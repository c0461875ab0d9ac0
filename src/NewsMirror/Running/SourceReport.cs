using NewsMirror.Identity;
namespace NewsMirror.Running;

/// <summary>What one source's part of a run did. A failed source is a value here, never an exception.</summary>
public sealed record SourceReport(
    string Name,
    string Folder,
    string? Error,
    int New,
    int Known,
    IReadOnlyList<string> Warnings,
    TimeSpan Elapsed)
{
    public bool Ok => Error is null;

    /// <summary>The files this source's pass wrote, relative to the archive root with '/' separators.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Archived articles the source changed since they were archived (see <see cref="KnownItemChanges"/>).</summary>
    public int Changed { get; init; }

    /// <summary>The server answered a conditional request with 304: nothing new, nothing read.</summary>
    public bool NotModified { get; init; }

    /// <summary>When the failed source's server allows the next request (Retry-After); null when it did not say.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}
