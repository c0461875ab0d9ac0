namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// What the first bytes of a document say about a Unicode encoding: a byte order mark, or (the XML
/// specification's Appendix F, as feedparser reads it) the zero bytes around a first ASCII character that only
/// UTF-16 and UTF-32 produce.
/// </summary>
public readonly record struct UnicodeSignature(string EncodingName, int ByteOrderMarkLength)
{
    public bool HasByteOrderMark => ByteOrderMarkLength > 0;

    public static UnicodeSignature? Of(ReadOnlySpan<byte> head)
    {
        // UTF-32LE's mark starts with UTF-16LE's, so the four-byte forms are tested first.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
            return new("UTF-32LE", 4);
        if (head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            return new("UTF-32BE", 4);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new("UTF-8", 3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new("UTF-16LE", 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new("UTF-16BE", 2);
        if (head.Length < 4)
            return null;
        // A document starts with '<', '{', '[' or whitespace: in UTF-32 that ASCII byte comes with three zero bytes,
        // in UTF-16 with one, on the side that tells the byte order.
        var (b0, b1, b2, b3) = (head[0], head[1], head[2], head[3]);
        if (IsPrintableAscii(b0) && b1 == 0 && b2 == 0 && b3 == 0)
            return new("UTF-32LE", 0);
        if (b0 == 0 && b1 == 0 && b2 == 0 && IsPrintableAscii(b3))
            return new("UTF-32BE", 0);
        if (IsPrintableAscii(b0) && b1 == 0 && IsPrintableAscii(b2) && b3 == 0)
            return new("UTF-16LE", 0);
        if (b0 == 0 && IsPrintableAscii(b1) && b2 == 0 && IsPrintableAscii(b3))
            return new("UTF-16BE", 0);
        return null;
    }

    private static bool IsPrintableAscii(byte b) => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
