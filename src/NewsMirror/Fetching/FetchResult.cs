namespace NewsMirror.Fetching;

/// <summary>A successful response: the decompressed body and what the parser needs from the headers.</summary>
public sealed record FetchResult(byte[] Body, string? ContentType, Uri Url);
