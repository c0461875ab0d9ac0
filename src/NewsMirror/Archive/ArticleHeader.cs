namespace NewsMirror.Archive;

/// <summary>The first two lines of an article file: what list pages and indexes need, without the body.</summary>
public sealed record ArticleHeader(long? TimestampMs, string Title, string Link);
