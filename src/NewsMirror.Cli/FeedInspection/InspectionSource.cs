using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Selection;
using NewsMirror.Sources;

namespace NewsMirror.Cli.FeedInspection;

/// <summary>The settings <c>feed inspect</c> judges and cleans items with: a configured source's, or those of a new source with no options.</summary>
internal static class InspectionSource
{
    /// <summary>The settings of a source with no options reading the feed at <paramref name="location"/> (no --source given).</summary>
    public static SourceConfig Unconfigured(string location) => new() { Name = "feed", Folder = "feed", Url = location };

    /// <summary>A summary or content as the archive would store it for this item: cleaned by the source's settings, on one line.</summary>
    public static string? Cleaned(ItemVerdict verdict, string? html, SourceConfig source)
    {
        if (html is null) return null;
        var item = verdict.Candidate?.Item ?? verdict.Item;
        return ArticleRecord.JoinBody(ArticleBodyPipeline.Finish(html, source, ArticleBodyPipeline.ArticleUrl(item, source)));
    }
}
