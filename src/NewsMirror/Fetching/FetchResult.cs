namespace NewsMirror.Fetching;

/// <summary>A successful response: the decompressed body and what the parser needs from the headers.</summary>
public sealed record FetchResult(byte[] Body, string? ContentType, Uri Url)
{
    /// <summary>The server answered 304 to a conditional request: the feed is as it was, and <see cref="Body"/> is empty.</summary>
    public bool NotModified { get; init; }

    /// <summary>The response's validators, to send back on the next request (null: the server gave none).</summary>
    public Validators Validators { get; init; } = Validators.None;
}
