using NewsMirror.Archive;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Running.Demo;

/// <summary>What a demo did: the run and site reports, where the sample outlets were served, and every request the server saw.</summary>
/// <param name="BrokenSource">The outlet whose feed is broken on purpose; its failure is expected.</param>
public sealed record DemoReport(ArchivePaths Paths, Uri ServerUrl, RunReport Run, SiteBuildReport Site, string BrokenSource, IReadOnlyList<string> Requests)
{
    public string SiteIndex => Path.Combine(Paths.Root, "site", "index.html");

    /// <summary>Every source but the deliberately broken one archived without error.</summary>
    public bool Ok => Run.ReadmeError is null && Run.Sources.All(s => s.Ok || s.Name == BrokenSource)
        && Run.Sources.Any(s => s.Name == BrokenSource && !s.Ok);
}
