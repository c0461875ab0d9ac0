using NewsMirror.Urls;
namespace NewsMirror.Archive;

/// <summary>
/// The content of one duty-machine article file. <paramref name="TimestampMs"/> is null where the file holds
/// <c>&lt;!--NaN--&gt;</c> (the reference's output for an unparsable date).
/// </summary>
public sealed record ArticleRecord(long? TimestampMs, string Title, string Link, string Body)
{
    /// <summary>
    /// Builds the record the way the reference script does from a feed item: title trimmed, link serialised as
    /// <c>new URL(link).href</c> (or kept trimmed where that would throw), body joined onto one line.
    /// Where the reference would write a file that cannot be read back (a line break in the title or link,
    /// <c>](</c> in the title), the offending characters become spaces instead.
    /// </summary>
    public static ArticleRecord FromFeed(long? timestampMs, string rawTitle, string rawLink, string rawBody) =>
        new(timestampMs, SafeTitle(rawTitle), SerializeLink(rawLink), JoinBody(rawBody));

    private static string SafeTitle(string rawTitle) =>
        JsWhitespace.Trim(rawTitle).Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace("](", "] (");

    private static string SerializeLink(string rawLink) =>
        WhatwgUrl.Serialize(rawLink) ?? JsWhitespace.Trim(rawLink).Replace("\r", "").Replace("\n", "");

    /// <summary>Split at <c>\n</c> only (a lone <c>\r</c> survives inside a piece), trim each piece, join with nothing.</summary>
    public static string JoinBody(string rawBody)
    {
        var pieces = rawBody.Split('\n');
        for (int i = 0; i < pieces.Length; i++) pieces[i] = JsWhitespace.Trim(pieces[i]);
        return string.Concat(pieces);
    }
}
