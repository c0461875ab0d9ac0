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
}
