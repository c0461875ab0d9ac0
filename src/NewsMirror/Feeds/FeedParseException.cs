namespace NewsMirror.Feeds;

/// <summary>The document is not a feed at all (HTML page, other JSON, empty body, unreadable).</summary>
public sealed class FeedParseException(string message) : Exception(message);
