using NewsMirror.Feeds;

namespace NewsMirror.Selection;

/// <summary>
/// What selection decided for one item of a feed: the <see cref="Candidate"/> it becomes, or why it is not
/// archived (<see cref="Skip"/>). <see cref="Position"/> counts from 1 in document order.
/// </summary>
public sealed record ItemVerdict(FeedItem Item, int Position, Candidate? Candidate, string? Skip)
{
    /// <summary>How a warning names the item: its title, else its link, else its guid, else its place in the feed.</summary>
    public string Label =>
        NonBlank(Item.Title)?.Trim() ?? NonBlank(Item.Link) ?? NonBlank(Item.Guid) ?? $"item {Position} of the feed";

    /// <summary>The warning a run gives for a skipped item; null for an item that is archived.</summary>
    public string? Warning => Skip is null ? null : $"skipped, {Skip}: {Label}";

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
