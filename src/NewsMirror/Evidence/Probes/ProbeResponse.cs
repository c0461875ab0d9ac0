using NewsMirror.Fetching;

namespace NewsMirror.Evidence.Probes;

/// <summary>What the server said to one probe: a page (200, or 304 to a conditional request) or a failure.</summary>
public sealed record ProbeResponse
{
    /// <summary>The page's HTML, decoded; null for a 304 or a failure.</summary>
    public string? Html { get; init; }

    /// <summary>Where the request ended after redirects; null when no response came.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>200, 304, the error status, or null (network failure, refusal).</summary>
    public int? Status { get; init; }

    public Validators Validators { get; init; } = Validators.None;

    /// <summary>Why there is no page.</summary>
    public string? Error { get; init; }
}
