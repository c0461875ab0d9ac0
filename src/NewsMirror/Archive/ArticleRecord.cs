namespace NewsMirror.Archive;

/// <summary>
/// The content of one duty-machine article file. <paramref name="TimestampMs"/> is null where the file holds
/// <c>&lt;!--NaN--&gt;</c> (the reference's output for an unparsable date).
/// </summary>
public sealed record ArticleRecord(long? TimestampMs, string Title, string Link, string Body);
