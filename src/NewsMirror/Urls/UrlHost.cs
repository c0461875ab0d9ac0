using System.Globalization;
using System.Text;

namespace NewsMirror.Urls;

/// <summary>The host parser and serialiser of the WHATWG URL standard (domains, IPv4, IPv6, opaque hosts).</summary>
internal static class UrlHost
{
    private static readonly IdnMapping Idn = new();

    /// <summary>Parses and serialises a host; null where the standard's host parser returns failure.</summary>
    public static string? Parse(string input, bool isSpecial)
    {
        if (input.StartsWith('['))
        {
            if (!input.EndsWith(']')) return null;
            return UrlIpv6.TryParse(input[1..^1], out var pieces) ? $"[{UrlIpv6.Serialize(pieces)}]" : null;
        }
        if (!isSpecial) return ParseOpaque(input);

        var domain = new UTF8Encoding(false).GetString(UrlPercentEncoding.Decode(input));
        var ascii = DomainToAscii(domain);
        if (ascii is null || ascii.Any(IsForbiddenDomainCodePoint)) return null;
        if (!EndsInANumber(ascii)) return ascii;
        return TryParseIpv4(ascii, out uint address) ? SerializeIpv4(address) : null;
    }

    private static string? ParseOpaque(string input)
    {
        if (input.Any(c => c != '%' && IsForbiddenHostCodePoint(c))) return null;
        return UrlPercentEncoding.Encode(input, UrlPercentEncoding.Set.C0Control);
    }

    /// <summary>
    /// UTS #46 ToASCII. ASCII domains take the standard's fast path (lower-casing only); others go through
    /// <see cref="IdnMapping"/>, which maps and punycodes with non-transitional processing.
    /// </summary>
    private static string? DomainToAscii(string domain)
    {
        if (domain.Length == 0) return null;
        if (Ascii.IsValid(domain)) return domain.ToLowerInvariant();
        bool trailingDot = domain.EndsWith('.');
        try
        {
            var ascii = Idn.GetAscii(trailingDot ? domain[..^1] : domain);
            return trailingDot ? ascii + "." : ascii;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsForbiddenHostCodePoint(char c) =>
        c is '\0' or '\t' or '\n' or '\r' or ' ' or '#' or '/' or ':' or '<' or '>' or '?' or '@' or '[' or '\\' or ']' or '^' or '|';

    private static bool IsForbiddenDomainCodePoint(char c) =>
        IsForbiddenHostCodePoint(c) || c is <= '\u001F' or '%' or '\u007F';

    private static bool EndsInANumber(string domain)
    {
        var parts = domain.Split('.').ToList();
        if (parts[^1].Length == 0)
        {
            if (parts.Count == 1) return false;
            parts.RemoveAt(parts.Count - 1);
        }
        var last = parts[^1];
        return (last.Length > 0 && last.All(char.IsAsciiDigit)) || TryParseIpv4Number(last, out _);
    }

    private static bool TryParseIpv4(string host, out uint address)
    {
        address = 0;
        var parts = host.Split('.').ToList();
        if (parts[^1].Length == 0 && parts.Count > 1) parts.RemoveAt(parts.Count - 1);
        if (parts.Count > 4) return false;

        var numbers = new ulong[parts.Count];
        for (int i = 0; i < parts.Count; i++)
            if (!TryParseIpv4Number(parts[i], out numbers[i])) return false;
        if (numbers[..^1].Any(n => n > 255)) return false;
        if (numbers[^1] >= 1UL << (8 * (5 - numbers.Length))) return false;

        ulong value = numbers[^1];
        for (int i = 0; i < numbers.Length - 1; i++) value += numbers[i] << (8 * (3 - i));
        address = (uint)value;
        return true;
    }

    /// <summary>Decimal, octal (leading 0) or hexadecimal (0x) — the forms <c>inet_aton</c> accepted.</summary>
    private static bool TryParseIpv4Number(string input, out ulong value)
    {
        value = 0;
        if (input.Length == 0) return false;
        int radix = 10;
        var digits = input.AsSpan();
        if (digits.Length >= 2 && digits[0] == '0' && digits[1] is 'x' or 'X') { radix = 16; digits = digits[2..]; }
        else if (digits.Length >= 2 && digits[0] == '0') { radix = 8; digits = digits[1..]; }

        foreach (char c in digits)
        {
            int digit = radix == 16 && char.IsAsciiHexDigit(c) ? Convert.ToInt32(c.ToString(), 16)
                : char.IsAsciiDigit(c) && c - '0' < radix ? c - '0'
                : -1;
            if (digit < 0) return false;
            // Anything above 2^32 is rejected by the caller anyway; stopping here avoids overflow.
            if (value > uint.MaxValue) return true;
            value = value * (ulong)radix + (ulong)digit;
        }
        return true;
    }

    private static string SerializeIpv4(uint address) =>
        string.Join('.', (address >> 24).ToString(CultureInfo.InvariantCulture), ((address >> 16) & 0xFF).ToString(CultureInfo.InvariantCulture),
            ((address >> 8) & 0xFF).ToString(CultureInfo.InvariantCulture), (address & 0xFF).ToString(CultureInfo.InvariantCulture));
}
