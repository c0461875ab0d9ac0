using System.Buffers;
using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace NewsMirror.Feeds.Xml;

/// <summary>
/// Turns raw text between tags into its value: the five XML entities, numeric references and (as a
/// recovery) the HTML5 named entities are decoded; a '&amp;' that starts no reference stays as text;
/// characters XML forbids are dropped. Line ends are left exactly as written.
/// </summary>
internal sealed class XmlTextDecoder(RecoveryLog log)
{
    private const int MaxEntityNameLength = 32;

    /// <summary>C0 controls other than tab, LF and CR, plus the two non-characters XML excludes.</summary>
    private static bool IsIllegal(char c) => c < '\u0020' ? c is not ('\t' or '\n' or '\r') : c >= '\uFFFE';

    /// <summary>
    /// Where the first character XML forbids is, or -1. A vectorised range search stops only at C0 controls and the
    /// two non-characters: a SearchValues set holding U+FFFE fell back to a probabilistic map for every Chinese
    /// character, which was a tenth of an hourly run's CPU.
    /// </summary>
    private static int IndexOfIllegal(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var next = text[offset..].IndexOfAnyExceptInRange('\u0020', '\uFFFD');
            if (next < 0) return -1;
            offset += next;
            if (IsIllegal(text[offset])) return offset;
            offset++;
        }
    }

    private static int IndexOfAmpersandOrIllegal(ReadOnlySpan<char> text)
    {
        var ampersand = text.IndexOf('&');
        var illegal = IndexOfIllegal(ampersand < 0 ? text : text[..ampersand]);
        return illegal >= 0 ? illegal : ampersand;
    }

    /// <summary>What browsers map numeric references 128–159 to (Windows-1252), as feeds written on Windows expect.</summary>
    private const string Windows1252C1 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private readonly StringBuilder _builder = new();

    public string Decode(ReadOnlySpan<char> raw)
    {
        var first = IndexOfAmpersandOrIllegal(raw);
        if (first < 0)
            return raw.ToString();
        _builder.Clear();
        _builder.Append(raw[..first]);
        var i = first;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '&')
                i += AppendReference(raw[i..]);
            else
            {
                if (IsIllegal(c))
                    ReportIllegal(c);
                else
                    _builder.Append(c);
                i++;
            }
            var next = IndexOfAmpersandOrIllegal(raw[i..]);
            var plain = next < 0 ? raw.Length - i : next;
            _builder.Append(raw.Slice(i, plain));
            i += plain;
        }
        return _builder.ToString();
    }

    /// <summary>CDATA content is kept as written, only characters XML forbids are removed.</summary>
    public string DropIllegalCharacters(ReadOnlySpan<char> raw)
    {
        if (IndexOfIllegal(raw) < 0)
            return raw.ToString();
        _builder.Clear();
        foreach (var c in raw)
        {
            if (IsIllegal(c))
                ReportIllegal(c);
            else
                _builder.Append(c);
        }
        return _builder.ToString();
    }

    /// <summary>Appends the value of the reference at the start of <paramref name="text"/>; returns how many characters it used.</summary>
    private int AppendReference(ReadOnlySpan<char> text)
    {
        var semicolon = text[..Math.Min(text.Length, MaxEntityNameLength + 2)].IndexOf(';');
        if (semicolon > 1)
        {
            var name = text[1..semicolon];
            if (name[0] == '#' ? AppendNumeric(name[1..]) : AppendNamed(name))
                return semicolon + 1;
        }
        log.Add("bare & kept as text");
        _builder.Append('&');
        return 1;
    }

    private bool AppendNamed(ReadOnlySpan<char> name)
    {
        string? predefined = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => null,
        };
        if (predefined is not null)
        {
            _builder.Append(predefined);
            return true;
        }
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        // The HTML5 named references, from the table AngleSharp's HTML tokenizer uses; keyed with
        // their closing ';' so only the names WHATWG lists with one match (not the legacy bare forms).
        if (HtmlEntityProvider.Resolver.GetSymbol(string.Concat(name, ";")) is { } value)
        {
            log.Add($"undefined entity &{name}; decoded");
            _builder.Append(value);
            return true;
        }
        log.Add($"unknown entity &{name}; kept as text");
        _builder.Append('&').Append(name).Append(';');
        return true;
    }

    private bool AppendNumeric(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        var number = hex ? digits[1..] : digits;
        if (number.IsEmpty || !int.TryParse(number, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return false;
        if (code is >= 0x80 and <= 0x9F)
        {
            log.Add("character reference in 128–159 read as Windows-1252");
            _builder.Append(Windows1252C1[code - 0x80]);
        }
        else if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF || code < 0x20 && code is not (0x9 or 0xA or 0xD) || code is 0xFFFE or 0xFFFF)
            log.Add($"illegal character reference &#{digits}; dropped");
        else
            _builder.Append(char.ConvertFromUtf32(code));
        return true;
    }

    private void ReportIllegal(char c) => log.Add($"illegal XML character U+{(int)c:X4} dropped");
}
