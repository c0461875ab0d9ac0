namespace NewsMirror.Archive;

/// <summary>One line of a list page: an article's time (null for <c>&lt;!--NaN--&gt;</c>), title and file.</summary>
public sealed record ListEntry(long? TimestampMs, string Title, string Folder, string FileName);
