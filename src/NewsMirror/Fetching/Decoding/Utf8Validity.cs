using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// How far bytes are UTF-8. Text in a legacy multi-byte encoding forms a valid UTF-8 sequence only here and there
/// (a GBK pair by chance, about one in ten); UTF-8 with a stray Latin-1 byte or a character cut in half is valid
/// almost throughout. So a document whose non-ASCII bytes are nine-tenths valid UTF-8 is UTF-8 with faults.
/// </summary>
internal readonly record struct Utf8Validity(int ValidNonAsciiBytes, int InvalidBytes, int InvalidSequences)
{
    public bool IsValid => InvalidBytes == 0;

    public bool IsMostlyValid => ValidNonAsciiBytes >= 9 * InvalidBytes;

    public static Utf8Validity Of(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return default;
        var (valid, invalid, sequences) = (0, 0, 0);
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
                break;
            bytes = bytes[ascii..];
            if (Rune.DecodeFromUtf8(bytes, out _, out var consumed) == OperationStatus.Done)
                valid += consumed;
            else
                (invalid, sequences) = (invalid + consumed, sequences + 1);
            bytes = bytes[consumed..];
        }
        return new Utf8Validity(valid, invalid, sequences);
    }
}
