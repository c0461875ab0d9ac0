using NewsMirror.Catalog;

namespace NewsMirror.Evidence.Probes;

/// <summary>An archived article whose outlet removed, redirected or replaced it, with the evidence of the two probes that agreed.</summary>
public sealed record RemovalRecord(
    string Source,
    string Folder,
    string File,
    string RelativePath,
    string Title,
    string Link,
    DateTimeOffset? Archived,
    string Verdict,
    DateTimeOffset FirstSeen,
    DateTimeOffset VerdictAt,
    int? Status,
    string? Target,
    string? Redirect,
    IReadOnlyList<string> WarcRecords);

/// <summary>
/// The final removal verdicts in force, read from the catalog (caught up from the probe logs): what <c>newsmirror
/// removed</c>, REMOVED.md and the site list. An article that came back (two probes found it live again) is no longer listed.
/// </summary>
public static class RemovalRecords
{
    private static readonly string[] Verdicts = [ProbeOutcomes.Removed, ProbeOutcomes.Redirected, ProbeOutcomes.Replaced];

    /// <summary>Newest verdict first.</summary>
    /// <param name="since">Only verdicts that became final at or after this time.</param>
    /// <param name="folder">Only this folder's articles.</param>
    public static List<RemovalRecord> Of(ArchiveCatalog catalog, DateTimeOffset? since = null, string? folder = null)
    {
        foreach (var logged in folder is null ? ProbeLog.Folders(catalog.Paths) : [folder]) ProbeTables.CatchUp(catalog, logged);
        // A catalog whose folders are deferred (a fresh clone) has no article rows yet: they come from the identity logs.
        return (catalog.Deferred ? ProbeTables.WithFinalFromLog(catalog, Verdicts, folder) : ProbeTables.WithFinal(catalog, Verdicts, folder))
            .Select(a => new RemovalRecord(a.Row.Source, a.Row.Folder, a.Row.File, a.Row.RelativePath, a.Row.Title, a.Row.Link, a.Row.Archived,
                a.State.FinalOutcome!, a.State.FirstSeenAt ?? a.State.FinalAt!.Value, a.State.FinalAt!.Value, a.State.FinalStatus,
                a.State.FinalTarget, a.State.FinalRedirect, a.State.FinalWarc))
            .Where(r => since is null || r.VerdictAt >= since)
            .OrderByDescending(r => r.VerdictAt).ThenBy(r => r.RelativePath, StringComparer.Ordinal)
            .ToList();
    }
}
