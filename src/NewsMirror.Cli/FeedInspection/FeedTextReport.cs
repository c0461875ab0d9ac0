using System.Text;
using NewsMirror.Feeds;
using NewsMirror.Selection;

namespace NewsMirror.Cli.FeedInspection;

/// <summary>The readable summary of a parsed feed: its header, the recoveries, then one short block per item.</summary>
internal static class FeedTextReport
{
    private const int SummaryPreviewLength = 120;

    /// <param name="body">What is previewed of an item's body: as parsed, or as the archive would store it.</param>
    public static string Render(FeedDocument feed, IReadOnlyList<ItemVerdict> verdicts, Func<ItemVerdict, string?, string?> body)
    {
        var text = new StringBuilder();
        Line(text, "Format", feed.Format);
        Line(text, "Title", feed.Title?.Trim());
        Line(text, "Link", feed.Link);
        Line(text, "Language", feed.Language);
        Line(text, "Updated", FeedJsonReport.Time(feed.Updated));
        Line(text, "Author", feed.Author);
        Line(text, "Items", feed.Items.Count.ToString());
        if (feed.Errors.Count > 0)
        {
            text.AppendLine($"Recoveries ({feed.Errors.Count}):");
            foreach (var error in feed.Errors)
                text.AppendLine($"  - {error}");
        }
        for (var i = 0; i < feed.Items.Count; i++)
        {
            var item = feed.Items[i];
            text.AppendLine();
            text.AppendLine($"{i + 1}. {item.Title?.Trim() ?? "(no title)"}");
            text.AppendLine($"   {item.Link ?? "(no link)"}");
            text.AppendLine($"   published {FeedJsonReport.Time(item.Published) ?? "(none)"}   id {item.Id}");
            var preview = body(verdicts[i], item.Content ?? item.Summary);
            if (!string.IsNullOrWhiteSpace(preview))
                text.AppendLine($"   {Preview(preview)}");
            if (verdicts[i].Skip is { } skip)
                text.AppendLine($"   not archived: {skip}");
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (value is not null)
            text.AppendLine($"{label + ":",-10} {value}");
    }

    private static string Preview(string html)
    {
        var flat = string.Join(' ', html.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= SummaryPreviewLength ? flat : flat[..SummaryPreviewLength] + "…";
    }
}
