namespace NewsMirror.Fetching;

/// <summary>Bounds on one fetch, so a slow, huge or looping server cannot stall or exhaust a run.</summary>
public sealed record FetchLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public long MaxBytes { get; init; } = 32L * 1024 * 1024;
    public int MaxRedirects { get; init; } = 5;
    public int MaxConnectionsPerHost { get; init; } = 4;
    public string UserAgent { get; init; } = $"NewsMirror/{typeof(FetchLimits).Assembly.GetName().Version?.ToString(3)} (news archiver; +https://github.com/duty-machine/news)";
}
