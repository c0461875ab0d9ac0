using System.Globalization;

namespace NewsMirror.Archive;

/// <summary>
/// The shared grammar of the article header (lines 1–2), used by both the whole-file parser and the
/// header-only reader so they can never disagree.
/// </summary>
internal static class ArticleFileSyntax
{
    public const string TimestampOpen = "<!--";
    public const string TimestampClose = "-->";
    public const string NaN = "NaN";
    public const string Rule = "------";
    public const string TitleLinkSeparator = "](";

    /// <summary>
    /// Lines 1–4 (<c>&lt;!--ms--&gt;</c>, <c>[title](link)</c>, <c>------</c>, empty), shared by the article file
    /// and the Jekyll post.
    /// </summary>
    /// <exception cref="ArgumentException">The title or link would not read back the same.</exception>
    public static string RenderHeader(ArticleRecord record)
    {
        if (record.Title.Contains(TitleLinkSeparator, StringComparison.Ordinal))
            throw new ArgumentException("The title contains \"](\", so the file would read back with a different title.", nameof(record));
        if (record.Link.Contains('\n'))
            throw new ArgumentException("The link contains a line break, so line 2 would not end with the link.", nameof(record));

        return string.Concat(
            TimestampOpen, record.TimestampMs?.ToString(CultureInfo.InvariantCulture) ?? NaN, TimestampClose, "\n",
            "[", record.Title, TitleLinkSeparator, record.Link, ")\n",
            Rule, "\n",
            "\n");
    }

    /// <summary>
    /// Parses lines 1–4 at the start of <paramref name="text"/>; returns an error or null. <paramref name="bodyStart"/>
    /// is where line 5 begins.
    /// </summary>
    public static string? TryParseHeaderBlock(string text, out ArticleHeader? header, out int bodyStart)
    {
        header = null;
        bodyStart = -1;
        int headerEnd = FindHeaderEnd(text);
        if (headerEnd < 0) return "it has no complete header (<!--ms--> line, then a [title](link) line)";
        if (TryParseHeader(text, headerEnd, out header) is { } error) return error;

        const string separatorLines = Rule + "\n\n";
        if (string.CompareOrdinal(text, headerEnd + 1, separatorLines, 0, separatorLines.Length) != 0)
            return "line 3 is not ------ followed by an empty line 4";
        bodyStart = headerEnd + 1 + separatorLines.Length;
        return null;
    }

    /// <summary>
    /// Index of the <c>\n</c> that ends line 2, or -1 when <paramref name="text"/> does not (yet) hold it.
    /// Line 2 ends at the first line break after the first <c>](</c>, because a title may in principle hold
    /// a line break but never <c>](</c> (the reference reads the title up to the first <c>](</c>).
    /// </summary>
    public static int FindHeaderEnd(ReadOnlySpan<char> text)
    {
        int line1End = text.IndexOf('\n');
        if (line1End < 0) return -1;
        int separator = text[(line1End + 1)..].IndexOf(TitleLinkSeparator);
        if (separator < 0) return -1;
        int afterSeparator = line1End + 1 + separator + TitleLinkSeparator.Length;
        int line2End = text[afterSeparator..].IndexOf('\n');
        return line2End < 0 ? -1 : afterSeparator + line2End;
    }

    /// <summary>Parses lines 1–2 given <paramref name="headerEnd"/> from <see cref="FindHeaderEnd"/>; returns an error or null.</summary>
    public static string? TryParseHeader(string text, int headerEnd, out ArticleHeader? header)
    {
        header = null;
        int line1End = text.IndexOf('\n');
        var line1 = text.AsSpan(0, line1End);
        if (!line1.StartsWith(TimestampOpen) || !line1.EndsWith(TimestampClose) ||
            line1.Length < TimestampOpen.Length + TimestampClose.Length)
            return "line 1 is not <!--milliseconds-->";
        var stamp = line1[TimestampOpen.Length..^TimestampClose.Length];
        if (!TryParseTimestamp(stamp, out long? timestampMs))
            return $"line 1 holds \"{stamp}\", which is neither NaN nor a canonical integer of milliseconds";

        int line2Start = line1End + 1;
        if (line2Start >= text.Length || text[line2Start] != '[')
            return "line 2 does not start with [";
        int separator = text.IndexOf(TitleLinkSeparator, line2Start + 1, StringComparison.Ordinal);
        if (text[headerEnd - 1] != ')')
            return "line 2 does not end with )";
        int linkStart = separator + TitleLinkSeparator.Length;
        header = new ArticleHeader(
            timestampMs,
            text[(line2Start + 1)..separator],
            text[linkStart..(headerEnd - 1)]);
        return null;
    }

    /// <summary>Accepts only the text JavaScript would print (no sign on zero, no leading zeros, no '+').</summary>
    private static bool TryParseTimestamp(ReadOnlySpan<char> stamp, out long? timestampMs)
    {
        timestampMs = null;
        if (stamp.SequenceEqual(NaN)) return true;
        if (!long.TryParse(stamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            return false;
        if (!stamp.SequenceEqual(value.ToString(CultureInfo.InvariantCulture))) return false;
        timestampMs = value;
        return true;
    }
}
