namespace NewsMirror.Sources;

/// <summary>
/// Regular expressions per item field, for a source's include or exclude rule. Within one field any
/// pattern may match; an include rule needs every non-empty field to match, an exclude rule any one.
/// Patterns are case-insensitive.
/// </summary>
public sealed record ItemPatterns
{
    public IReadOnlyList<string> Title { get; init; } = [];

    /// <summary>Matched against each category on its own.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Author { get; init; } = [];
    public IReadOnlyList<string> Link { get; init; } = [];

    /// <summary>Matched against the text (markup stripped) of the feed body the source uses.</summary>
    public IReadOnlyList<string> Body { get; init; } = [];
}
