namespace NewsMirror.Publishing.Site;

/// <summary>What one build did. A page is "rendered" when its inputs changed and "written" when its bytes did.</summary>
public sealed record SiteBuildReport(
    int Articles,
    int Pages,
    int PagesRendered,
    int PagesWritten,
    int PagesDeleted,
    IReadOnlyList<string> SkippedFiles,
    TimeSpan Elapsed)
{
    /// <summary>Removals given to the build that name no article of the archive.</summary>
    public IReadOnlyList<SiteRemoval> UnmatchedRemovals { get; init; } = [];
}
