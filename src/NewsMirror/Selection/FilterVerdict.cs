namespace NewsMirror.Selection;

/// <summary>Whether an item is archived; <see cref="Reason"/> says why not (empty when kept).</summary>
public sealed record FilterVerdict(bool Keep, string Reason)
{
    public static readonly FilterVerdict Kept = new(true, string.Empty);

    public static FilterVerdict Dropped(string reason) => new(false, reason);
}
