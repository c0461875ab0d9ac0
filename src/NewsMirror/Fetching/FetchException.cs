namespace NewsMirror.Fetching;

/// <summary>A fetch that failed; the message says why in terms an operator can act on.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>When the server (429, 503) said to come back; null when it did not say.</summary>
    public RetryAfter? RetryAfter { get; init; }

    /// <summary>The HTTP status when the server answered with an error status (404, 503…); null for network failures and refusals.</summary>
    public int? Status { get; init; }

    /// <summary>The address that answered with <see cref="Status"/>, after any redirects.</summary>
    public Uri? Url { get; init; }
}
