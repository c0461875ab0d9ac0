using System.Text;

namespace NewsMirror.Urls;

/// <summary>The percent-encode sets of the WHATWG URL standard and its UTF-8 percent-encoding.</summary>
internal static class UrlPercentEncoding
{
    public enum Set { C0Control, Fragment, Query, SpecialQuery, Path, Userinfo }

    private const string HexDigits = "0123456789ABCDEF";

    public static bool Contains(Set set, int codePoint) => codePoint is < 0x20 or > 0x7E || set switch
    {
        Set.C0Control => false,
        Set.Fragment => codePoint is ' ' or '"' or '<' or '>' or '`',
        Set.Query => IsInQuerySet(codePoint),
        Set.SpecialQuery => IsInQuerySet(codePoint) || codePoint == '\'',
        Set.Path => IsInPathSet(codePoint),
        Set.Userinfo => IsInPathSet(codePoint) || codePoint is '/' or ':' or ';' or '=' or '@' or (>= '[' and <= ']') or '|',
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    /// <summary>
    /// Appends <paramref name="text"/> with every code point of <paramref name="set"/> written as upper-case
    /// <c>%XX</c> of its UTF-8 bytes. A lone surrogate becomes U+FFFD, as JavaScript's conversion to a
    /// USVString does before the URL parser sees it. <c>%</c> is in no set, so existing escapes stay as written.
    /// </summary>
    public static void Append(StringBuilder output, ReadOnlySpan<char> text, Set set)
    {
        Span<byte> utf8 = stackalloc byte[4];
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out var rune, out int consumed);
            text = text[consumed..];
            if (!Contains(set, rune.Value))
            {
                output.Append((char)rune.Value);
                continue;
            }
            int length = rune.EncodeToUtf8(utf8);
            foreach (byte b in utf8[..length])
                output.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
        }
    }

    public static string Encode(ReadOnlySpan<char> text, Set set)
    {
        var output = new StringBuilder(text.Length);
        Append(output, text, set);
        return output.ToString();
    }

    /// <summary>Percent-decodes to bytes: a <c>%</c> not followed by two hex digits stays a literal <c>%</c>.</summary>
    public static byte[] Decode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(bytes.Length);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                output.Add((byte)(HexValue(bytes[i + 1]) << 4 | HexValue(bytes[i + 2])));
                i += 2;
            }
            else output.Add(bytes[i]);
        }
        return [.. output];
    }

    private static bool IsInQuerySet(int c) => c is ' ' or '"' or '#' or '<' or '>';

    /// <summary>Includes <c>^</c>, added to the standard in 2025; Node before then left it raw.</summary>
    private static bool IsInPathSet(int c) => IsInQuerySet(c) || c is '?' or '^' or '`' or '{' or '}';

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
