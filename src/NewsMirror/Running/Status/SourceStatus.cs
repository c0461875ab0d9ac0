using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Running.Status;

/// <summary>One source's health: how its polls went (catalog state) and how much it publishes (catalog articles).</summary>
public sealed record SourceStatus(
    string Name,
    string Folder,
    DateTimeOffset? LastSuccess,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int Failures,
    int Articles,
    int Last24h,
    int Last7d,
    DateTimeOffset? LatestArticle,
    DateTimeOffset? NextPoll,
    bool Silent)
{
    /// <summary>Quiet for this long, a source is flagged whatever its usual pace.</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromDays(2);

    /// <summary>A busy source is not flagged for a quiet spell shorter than this (a night, a weekend morning).</summary>
    public static readonly TimeSpan QuietSpell = TimeSpan.FromHours(6);

    public static SourceStatus Of(SourceConfig source, SourceState state, SourceActivity activity, DateTimeOffset now) => new(
        source.Name, source.Folder, state.LastSuccess,
        state.ConsecutiveFailures > 0 ? state.LastError : null,
        state.ConsecutiveFailures > 0 ? state.LastFailure : null,
        state.ConsecutiveFailures, activity.Total, activity.Last24h, activity.Last7d, activity.Latest, state.NextPoll,
        IsSilent(activity, now));

    /// <summary>No new article for more than 3× the source's usual gap (at least <see cref="QuietSpell"/>), or for more than <see cref="SilentAfter"/>.</summary>
    public static bool IsSilent(SourceActivity activity, DateTimeOffset now)
    {
        if (activity.Latest is not { } latest) return false;
        var usual = activity.MedianGap is { } gap ? gap * 3 : SilentAfter;
        if (usual < QuietSpell) usual = QuietSpell;
        if (usual > SilentAfter) usual = SilentAfter;
        return now - latest > usual;
    }

    /// <summary>Every source's status, in the given order.</summary>
    public static List<SourceStatus> Collect(ArchiveCatalog catalog, IReadOnlyList<SourceConfig> sources, DateTimeOffset now) =>
        sources.Select(s => Of(s, catalog.States.Get(s.Name), SourceActivity.Of(catalog, s, now), now)).ToList();
}
