using NewsMirror.Sources;

namespace NewsMirror.Evidence.Probes;

/// <summary>When an article's next probe is due: a retry or confirmation the log asks for, else the next point of its source's schedule.</summary>
public static class ProbeDue
{
    /// <returns>null when nothing more is scheduled (the schedule ran out, or probing is off).</returns>
    public static DateTimeOffset? When(ProbeSchedule schedule, DateTimeOffset archived, ArticleProbeState state)
    {
        if (schedule.IsOff) return null;
        DateTimeOffset? slot = null;
        foreach (var offset in schedule.Offsets)
        {
            // A point already covered by a probe made at or after it is spent: a late run makes one probe, not several.
            if (state.LastAt is { } last && archived + offset <= last) continue;
            slot = archived + offset;
            break;
        }
        if (state.RetryAt is { } retry) return slot is { } s && s < retry ? s : retry;
        return slot;
    }
}
