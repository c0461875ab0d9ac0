using NewsMirror.Running.Watch;

namespace NewsMirror.Running.Fleet;

/// <summary>How a fleet worker claims and polls: <c>newsmirror worker</c>'s options.</summary>
public sealed record WorkerSettings(TimeSpan Lease, PollSettings Poll)
{
    /// <summary>Claim until nothing is due, then stop (for cron and CI fleets).</summary>
    public bool Once { get; init; }

    /// <summary>Stop after this many sources were archived; null: no limit.</summary>
    public int? MaxSources { get; init; }

    /// <summary>Sources claimed, archived and pushed together (one commit, one push).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Sources of a batch archived at a time.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>The longest wait for the next due source before asking again (others may have added or freed some).</summary>
    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromSeconds(30);
}
