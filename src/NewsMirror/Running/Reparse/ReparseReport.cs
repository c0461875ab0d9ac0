namespace NewsMirror.Running.Reparse;

/// <summary>An item a replay found missing from the archive: added, or (dry run) to be added.</summary>
/// <param name="File">The article file written, relative to the archive root; null in a dry run or when the item was put off.</param>
/// <param name="Capture">The WARC record id of the feed capture it came from.</param>
public sealed record ReparsedItem(string Title, string Link, string? File, string Capture, DateTimeOffset CapturedAt);

/// <summary>One source's replay.</summary>
/// <param name="Captures">Feed captures replayed.</param>
/// <param name="Error">Why the source could not be replayed at all (null: it was).</param>
public sealed record ReparseSourceReport(string Name, string Folder, int Captures, IReadOnlyList<ReparsedItem> Items, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>What a reparse found and (unless a dry run) archived.</summary>
/// <param name="Problems">Capture files, or parts of them, that could not be read.</param>
public sealed record ReparseReport(IReadOnlyList<ReparseSourceReport> Sources, IReadOnlyList<string> Problems, bool DryRun)
{
    public int Added => Sources.Sum(s => s.Items.Count(i => i.File is not null));

    /// <summary>Every file written (articles, identity logs, list pages), relative to the archive root.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
