using System.Text;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// The 27 characters windows-1252 puts at bytes 0x80–0x9F, where ISO-8859-1 and Unicode have C1 control characters
/// (0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and stay controls), read from .NET's own windows-1252 table.
/// </summary>
internal static class Windows1252Table
{
    private static readonly char[] HighControls = Read();
    private static readonly Dictionary<char, byte> Bytes = Enumerable.Range(0x80, 32)
        .Where(b => HighControls[b - 0x80] != (char)b)
        .ToDictionary(b => HighControls[b - 0x80], b => (byte)b);

    /// <summary>The windows-1252 character for a C1 control (U+0092 → ’), or the control itself where the byte is undefined.</summary>
    public static char ForControl(char c) => c is >= '\u0080' and <= '\u009F' ? HighControls[c - 0x80] : c;

    public static bool IsMappedControl(char c) => ForControl(c) != c;

    /// <summary>
    /// The byte a character has in windows-1252 read as a superset of ISO-8859-1 (so C1 controls are their own byte,
    /// as when UTF-8 was decoded as Latin-1): what was decoded to make the character.
    /// </summary>
    public static bool TryGetByte(Rune rune, out byte value)
    {
        if (rune.Value <= 0xFF)
        {
            value = (byte)rune.Value;
            return true;
        }
        value = 0;
        return rune.IsBmp && Bytes.TryGetValue((char)rune.Value, out value);
    }

    private static char[] Read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var high = Enumerable.Range(0x80, 32).Select(b => (byte)b).ToArray();
        return Encoding.GetEncoding(1252).GetChars(high);
    }
}
