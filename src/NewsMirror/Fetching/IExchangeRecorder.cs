namespace NewsMirror.Fetching;

/// <summary>
/// The capture point of raw evidence: <see cref="HttpFetcher"/> hands every http(s) exchange it completes to its
/// recorder before the fetch returns, so whatever is made from a response is made only after the response was kept.
/// </summary>
public interface IExchangeRecorder
{
    /// <summary>Keeps the exchange durably (written and flushed to disk) before returning.</summary>
    /// <exception cref="IOException">It could not be kept; the fetch then fails rather than yield an uncaptured response.</exception>
    void Record(HttpExchange exchange);
}
