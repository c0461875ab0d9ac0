using NewsMirror.Archive;
using NewsMirror.Bodies;
using NewsMirror.Cli.Commands.SourceCommands;
using NewsMirror.Selection;
using NewsMirror.Sources;

namespace NewsMirror.Cli.FeedInspection;

/// <summary>The settings <c>feed inspect</c> judges and cleans items with: a configured source's, or those of a new source with no options.</summary>
internal static class InspectionSource
{
    /// <exception cref="SourcesFileException">The sources file is invalid.</exception>
    /// <exception cref="ArgumentException">No source has this name or folder.</exception>
    public static SourceConfig For(string? nameOrFolder, string location, string? sourcesFile, string archiveRoot) =>
        nameOrFolder is null
            ? new SourceConfig { Name = "feed", Folder = "feed", Url = location }
            : SourceLookup.Find(SourceSelection.LoadConfig(sourcesFile, archiveRoot), nameOrFolder);

    /// <summary>A summary or content as the archive would store it for this item: cleaned by the source's settings, on one line.</summary>
    public static string? Cleaned(ItemVerdict verdict, string? html, SourceConfig source)
    {
        if (html is null) return null;
        var item = verdict.Candidate?.Item ?? verdict.Item;
        return ArticleRecord.JoinBody(ArticleBodyPipeline.Finish(html, source, ArticleBodyPipeline.ArticleUrl(item, source)));
    }
}
