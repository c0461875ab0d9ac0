using NewsMirror.Sources;
using NewsMirror.Urls;

namespace NewsMirror.Selection;

/// <summary>Which address an item is archived under: its link, else its guid when that is a web address (or the other way round where the source says so).</summary>
internal static class ArticleLink
{
    public static string? Of(Feeds.FeedItem item, LinkField field) => field == LinkField.Guid
        ? Usable(item.Guid) ?? Usable(item.Link)
        : Usable(item.Link) ?? Usable(item.Guid);

    /// <summary><paramref name="value"/> when it is an absolute http(s) URL (what a reader can follow), else null.</summary>
    private static string? Usable(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || WhatwgUrl.Serialize(value) is not { } href) return null;
        return href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) ? value : null;
    }
}
