namespace NewsMirror.Fetching;

/// <summary>A fetch that failed; the message says why in terms an operator can act on.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);
