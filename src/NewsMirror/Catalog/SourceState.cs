namespace NewsMirror.Catalog;

/// <summary>
/// What the catalog remembers about polling one source: the validators for a conditional request, how the
/// last attempts went, and when it is next due (for a scheduler such as <c>watch</c>; null: due now).
/// </summary>
public sealed record SourceState(
    string Name,
    string? ETag,
    string? LastModified,
    DateTimeOffset? LastSuccess,
    string? LastError,
    DateTimeOffset? LastFailure,
    int ConsecutiveFailures,
    DateTimeOffset? NextPoll)
{
    public static SourceState Never(string name) => new(name, null, null, null, null, null, 0, null);
}
