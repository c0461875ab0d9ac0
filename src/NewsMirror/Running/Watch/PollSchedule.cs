using NewsMirror.Catalog;

namespace NewsMirror.Running.Watch;

/// <summary>
/// When a source is next polled, from its recorded state alone (so it is the same after a restart):
/// a healthy source at its last poll + interval ± jitter; a failing one at its last failure + interval × 2^failures,
/// capped; never before the server's Retry-After. The jitter is derived from the source and its last poll rather
/// than drawn at random, which spreads sources apart while keeping this a pure function.
/// </summary>
public static class PollSchedule
{
    public static DateTimeOffset Next(SourceState state, PollSettings settings, DateTimeOffset now)
    {
        DateTimeOffset scheduled;
        if (state.ConsecutiveFailures > 0 && state.LastFailure is { } failed)
            scheduled = failed + Backoff(state.ConsecutiveFailures, settings);
        else if (state.LastSuccess is { } succeeded)
            scheduled = succeeded + settings.Interval + Jitter(state.Name, succeeded, settings.Jitter);
        else
            scheduled = now;
        return state.NextPoll is { } allowed && allowed > scheduled ? allowed : scheduled;
    }

    /// <summary>interval × 2^failures, at most <see cref="PollSettings.MaxBackoff"/> (and never less than the interval).</summary>
    public static TimeSpan Backoff(int failures, PollSettings settings)
    {
        var cap = settings.MaxBackoff > settings.Interval ? settings.MaxBackoff : settings.Interval;
        // Doubling past the cap stops early, so a source failing for months cannot overflow the arithmetic.
        var delay = settings.Interval;
        for (var i = 0; i < failures && delay < cap; i++) delay *= 2;
        return delay < cap ? delay : cap;
    }

    /// <summary>An offset in [-jitter, +jitter], stable for one source and poll time.</summary>
    public static TimeSpan Jitter(string name, DateTimeOffset lastPoll, TimeSpan jitter)
    {
        if (jitter <= TimeSpan.Zero) return TimeSpan.Zero;
        var hash = 14695981039346656037UL;
        foreach (var c in name) hash = (hash ^ c) * 1099511628211UL;
        hash = (hash ^ (ulong)lastPoll.ToUnixTimeMilliseconds()) * 1099511628211UL;
        var unit = (hash >> 11) / (double)(1UL << 53) * 2 - 1;
        return jitter * unit;
    }
}
