using NewsMirror.Catalog;

namespace NewsMirror.Running.Status;

/// <summary>What <c>status --check</c> makes of one source's polls.</summary>
public enum SourceHealthState
{
    /// <summary>Its last poll succeeded, within the expected interval.</summary>
    Ok,

    /// <summary>Its last poll failed.</summary>
    Failing,

    /// <summary>Its last poll did not fail, but no poll succeeded within <see cref="SourceHealth.SilentAfter"/> (or none ever did).</summary>
    Silent,
}

/// <summary>One source's verdict for a health check, with the line that explains a problem.</summary>
public sealed record SourceHealth(string Name, SourceHealthState State, string? Problem)
{
    /// <summary>How many poll intervals may pass without a success before a source counts as silent: two missed polls are tolerated.</summary>
    public const int MissedPollsTolerated = 3;

    /// <summary>No success for this long means silent: 3 × the poll interval (3 h for the hourly default).</summary>
    public static TimeSpan SilentAfter(TimeSpan interval) => interval * MissedPollsTolerated;

    /// <summary>The verdict from the source's recorded poll state alone (not its articles: a slow outlet is not a broken one).</summary>
    public static SourceHealth Of(SourceState state, TimeSpan interval, DateTimeOffset now)
    {
        if (state.ConsecutiveFailures > 0)
            return new(state.Name, SourceHealthState.Failing,
                $"{state.Name}: FAILING, {state.ConsecutiveFailures} failed poll(s) in a row, last at {Time(state.LastFailure)}: {OneLine(state.LastError)}");
        if (state.LastSuccess is not { } success)
            return new(state.Name, SourceHealthState.Silent, $"{state.Name}: SILENT, never polled successfully");
        var limit = SilentAfter(interval);
        if (now - success > limit)
            return new(state.Name, SourceHealthState.Silent, $"{state.Name}: SILENT, last success {Time(success)}, more than {limit} ago");
        return new(state.Name, SourceHealthState.Ok, null);
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'") ?? "unknown";

    /// <summary>Error texts come from servers: a check prints exactly one line per source.</summary>
    private static string OneLine(string? text) => (text ?? "unknown error").ReplaceLineEndings(" ");
}
