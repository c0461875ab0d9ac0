namespace NewsMirror.Running.Watch;

/// <summary>How often <c>watch</c> polls a source: every <see cref="Interval"/> ± <see cref="Jitter"/>, backing off up to <see cref="MaxBackoff"/> while it fails.</summary>
public sealed record PollSettings(TimeSpan Interval, TimeSpan Jitter)
{
    /// <summary>A failing source is retried at least this often: it is never given up on.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(24);
}
