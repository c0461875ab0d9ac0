using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Bodies;

/// <summary>Picks which feed field becomes the article body.</summary>
public static class BodySelector
{
    /// <summary>The chosen body HTML; empty, never null, when the item has none.</summary>
    public static string Choose(FeedItem item, BodyField field) => field switch
    {
        BodyField.Description => item.Summary ?? string.Empty,
        BodyField.Content => item.Content ?? string.Empty,
        _ => Richer(item.Content ?? string.Empty, item.Summary ?? string.Empty),
    };

    /// <summary>
    /// The body with more text; <paramref name="content"/> wins a tie because feeds put the full article there,
    /// unless it is blank (a summary holding only an image beats nothing).
    /// </summary>
    private static string Richer(string content, string summary)
    {
        if (string.IsNullOrWhiteSpace(content)) return summary;
        return HtmlText.Length(content) >= HtmlText.Length(summary) ? content : summary;
    }
}
