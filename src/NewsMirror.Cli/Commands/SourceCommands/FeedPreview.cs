using NewsMirror.Feeds;

namespace NewsMirror.Cli.Commands.SourceCommands;

/// <summary>A short description of a feed for a person deciding whether it is the right one.</summary>
internal static class FeedPreview
{
    public const int NewestShown = 3;

    public static IReadOnlyList<FeedItem> Newest(FeedDocument feed) =>
        feed.Items.Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Published ?? DateTimeOffset.MinValue).ThenBy(x => x.index)
            .Take(NewestShown).Select(x => x.item).ToList();

    public static void Write(TextWriter output, string url, FeedDocument feed)
    {
        output.WriteLine($"feed:  {url} ({feed.Format})");
        output.WriteLine($"title: {feed.Title?.Trim() ?? "(none)"}");
        output.WriteLine($"items: {feed.Items.Count}");
        foreach (var item in Newest(feed))
            output.WriteLine($"  {item.Published?.ToString("yyyy-MM-dd HH:mm") ?? "(no date)",-16}  {item.Title?.Trim()}");
    }
}
