using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// Text that was UTF-8, decoded as windows-1252 or Latin-1 and encoded again ("Ã©" for é, "ä¸­æ–‡" for 中文).
/// It is repaired only when the whole text goes back: every non-ASCII character is one windows-1252/Latin-1 byte,
/// those bytes are valid UTF-8, and what they spell are assigned, printable characters. Real Latin-1 text fails the
/// second test as soon as it holds one accented letter next to a space or a letter ("café " is E9 20, invalid UTF-8).
/// </summary>
internal static class DoubleEncodedUtf8
{
    /// <summary>The UTF-8 bytes the text stood for, or null when it is not double-encoded.</summary>
    public static byte[]? Repair(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.ContainsAnyInRange((byte)0x80, (byte)0xFF))
            return null;
        // A first pass without allocating stops at the first character outside windows-1252 (most non-Latin text)
        // or at the first byte that cannot stand where it is in UTF-8 (most Latin-1 text).
        var length = 0;
        var continuations = 0;
        for (var rest = utf8; !rest.IsEmpty; length++)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var consumed) != OperationStatus.Done
                || !Windows1252Table.TryGetByte(rune, out var value) || !FitsUtf8(value, ref continuations))
                return null;
            rest = rest[consumed..];
        }
        if (continuations != 0)
            return null;
        var original = new byte[length];
        for (var i = 0; i < length; i++)
        {
            Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            Windows1252Table.TryGetByte(rune, out original[i]);
            utf8 = utf8[consumed..];
        }
        return Plausible(original) ? original : null;
    }

    /// <summary>Whether the byte may follow the ones before it in UTF-8 (lead and continuation bytes only; the full check comes after).</summary>
    private static bool FitsUtf8(byte value, ref int continuations)
    {
        if (value is >= 0x80 and <= 0xBF)
            return continuations-- > 0;
        if (continuations != 0)
            return false;
        continuations = value switch
        {
            < 0x80 => 0,
            >= 0xC2 and <= 0xDF => 1,
            >= 0xE0 and <= 0xEF => 2,
            >= 0xF0 and <= 0xF4 => 3,
            _ => -1,
        };
        return continuations >= 0;
    }

    /// <summary>Valid UTF-8 whose characters are all assigned and none a control or private-use character.</summary>
    private static bool Plausible(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
            return false;
        while (!bytes.IsEmpty)
        {
            Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            bytes = bytes[consumed..];
            if (rune.Value < 0x80)
                continue;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate)
                return false;
        }
        return true;
    }
}
