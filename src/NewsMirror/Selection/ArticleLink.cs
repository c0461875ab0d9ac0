using NewsMirror.Sources;
using NewsMirror.Urls;

namespace NewsMirror.Selection;

/// <summary>
/// Which address an item is archived under: its link when that is a web address, else its guid when that is one (the
/// other way round where the source says so), else its link as written — the old script archived any item with a link,
/// and an odd link is no reason to lose the news. Only an item with neither a link nor a web-address guid has none.
/// </summary>
internal static class ArticleLink
{
    public static string? Of(Feeds.FeedItem item, LinkField field)
    {
        var (first, second) = field == LinkField.Guid ? (item.Guid, item.Link) : (item.Link, item.Guid);
        return Web(first) ?? Web(second) ?? Written(first) ?? (field == LinkField.Guid ? Written(second) : null);
    }

    /// <summary><paramref name="value"/> when it is an absolute http(s) URL (what a reader can follow), else null.</summary>
    private static string? Web(string? value) =>
        !string.IsNullOrWhiteSpace(value) && WhatwgUrl.Serialize(value) is { } href && HttpUrl.Is(href) ? value : null;

    private static string? Written(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
