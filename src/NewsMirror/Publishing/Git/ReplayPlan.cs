using NewsMirror.Archive;
using NewsMirror.Identity;
using NewsMirror.Sources;

namespace NewsMirror.Publishing.Git;

/// <summary>What a replay must write onto the other tip: the run's images, and per source the articles that tip lacks.</summary>
public sealed record ReplayPlan(IReadOnlyList<ReplayPlan.Asset> Assets, IReadOnlyList<ReplayPlan.SourceWrite> Sources)
{
    /// <summary>A file the run stored beside its articles (a localized image), by path relative to the root.</summary>
    public sealed record Asset(string Path, byte[] Content);

    /// <summary>A source's articles to write into <paramref name="Folder"/> (loaded from the other tip), ids not yet given.</summary>
    public sealed record SourceWrite(SourceConfig Source, IArchiveFolder Folder, List<NewArticle> Articles);
}

/// <summary>What writing a <see cref="ReplayPlan"/> did: per source how many articles were new, the files written, and warnings.</summary>
public sealed record ReplayWritten(List<(string Name, int New)> Counts, List<string> Files, IReadOnlyList<string> Warnings);
