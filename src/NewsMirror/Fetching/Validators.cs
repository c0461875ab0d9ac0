namespace NewsMirror.Fetching;

/// <summary>
/// A response's ETag and Last-Modified as the server sent them; a conditional GET sends them back as
/// If-None-Match and If-Modified-Since, and a server whose feed did not change answers 304 with no body.
/// </summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public static readonly Validators None = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;
}
