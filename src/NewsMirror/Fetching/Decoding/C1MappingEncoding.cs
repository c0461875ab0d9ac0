using System.Text;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// Decodes with another encoding and reads each C1 control character (U+0080–U+009F) the result holds as the
/// windows-1252 character of the same byte: text written in windows-1252 and labelled Latin-1 or converted as
/// Latin-1 carries its ’ “ ” … € that way. As a decoder it works chunk by chunk, so a large feed is never
/// held as one string. Encoding is the inner encoding's.
/// </summary>
internal sealed class C1MappingEncoding(Encoding inner) : Encoding(inner.CodePage)
{
    private Encoding Inner { get; } = inner;

    public override string WebName => Inner.WebName;
    public override string EncodingName => Inner.EncodingName;
    public override byte[] GetPreamble() => [];
    public override ReadOnlySpan<byte> Preamble => [];

    public override int GetByteCount(char[] chars, int index, int count) => Inner.GetByteCount(chars, index, count);
    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Inner.GetBytes(chars, charIndex, charCount, bytes, byteIndex);
    public override int GetMaxByteCount(int charCount) => Inner.GetMaxByteCount(charCount);
    public override int GetMaxCharCount(int byteCount) => Inner.GetMaxCharCount(byteCount);

    public override int GetCharCount(byte[] bytes, int index, int count) => Inner.GetCharCount(bytes, index, count);
    public override int GetCharCount(ReadOnlySpan<byte> bytes) => Inner.GetCharCount(bytes);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        var produced = Inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex);
        MapControls(chars.AsSpan(charIndex, produced));
        return produced;
    }

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var produced = Inner.GetChars(bytes, chars);
        MapControls(chars[..produced]);
        return produced;
    }

    // GetString and the span overloads end here.
    public override unsafe int GetCharCount(byte* bytes, int count) => Inner.GetCharCount(bytes, count);

    public override unsafe int GetChars(byte* bytes, int byteCount, char* chars, int charCount)
    {
        var produced = Inner.GetChars(bytes, byteCount, chars, charCount);
        MapControls(new Span<char>(chars, produced));
        return produced;
    }

    public override Decoder GetDecoder() => new MappingDecoder(Inner.GetDecoder());

    /// <summary>How many C1 controls decoding these bytes with <paramref name="encoding"/> maps (0: nothing to map).</summary>
    public static int CountMapped(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (encoding is UTF8Encoding)
            return CountMappedUtf8(bytes);
        // A single-byte encoding makes C1 controls of the bytes 0x80–0x9F only.
        if (encoding.IsSingleByte && !bytes.ContainsAnyInRange((byte)0x80, (byte)0x9F))
            return 0;
        var decoder = encoding.GetDecoder();
        Span<char> chunk = stackalloc char[4096];
        var count = 0;
        while (true)
        {
            decoder.Convert(bytes, chunk, flush: true, out var used, out var produced, out var completed);
            foreach (var c in chunk[..produced])
                if (Windows1252Table.IsMappedControl(c))
                    count++;
            bytes = bytes[used..];
            if (completed)
                return count;
        }
    }

    /// <summary>In UTF-8 a C1 control is C2 80–C2 9F: a vectorised search for C2 passes over the rest.</summary>
    private static int CountMappedUtf8(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var at = bytes.IndexOf((byte)0xC2); at >= 0 && at + 1 < bytes.Length; bytes = bytes[(at + 1)..], at = bytes.IndexOf((byte)0xC2))
            if (Windows1252Table.IsMappedControl((char)bytes[at + 1]))
                count++;
        return count;
    }

    private static void MapControls(Span<char> chars)
    {
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Windows1252Table.ForControl(chars[i]);
    }

    private sealed class MappingDecoder(Decoder inner) : Decoder
    {
        public override int GetCharCount(byte[] bytes, int index, int count) => inner.GetCharCount(bytes, index, count);
        public override int GetCharCount(byte[] bytes, int index, int count, bool flush) => inner.GetCharCount(bytes, index, count, flush);
        public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush) => inner.GetCharCount(bytes, flush);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush)
        {
            var produced = inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush);
            MapControls(chars.AsSpan(charIndex, produced));
            return produced;
        }

        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
        {
            var produced = inner.GetChars(bytes, chars, flush);
            MapControls(chars[..produced]);
            return produced;
        }

        public override void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed)
        {
            inner.Convert(bytes, byteIndex, byteCount, chars, charIndex, charCount, flush, out bytesUsed, out charsUsed, out completed);
            MapControls(chars.AsSpan(charIndex, charsUsed));
        }

        public override void Convert(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush, out int bytesUsed, out int charsUsed, out bool completed)
        {
            inner.Convert(bytes, chars, flush, out bytesUsed, out charsUsed, out completed);
            MapControls(chars[..charsUsed]);
        }

        public override void Reset() => inner.Reset();
    }
}
