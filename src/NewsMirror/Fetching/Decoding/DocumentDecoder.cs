using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// Turns the bytes of a fetched feed or page into text, as leniently as feedparser and browsers do. Order: a byte
/// order mark, or the zero bytes of UTF-16/UTF-32; then the declared charsets (<see cref="CharsetDeclaration.Find"/>)
/// read through the WHATWG label table — unless the bytes clearly contradict them: valid (or all but valid) UTF-8
/// is UTF-8 whatever the label, a declared charset the bytes are not valid in is passed over, and a Latin-1 label on
/// bytes no Western text has yields to what the detector sees; then, with nothing declared that fits, statistical
/// detection. Afterwards double-encoded UTF-8 is repaired and C1 controls read as windows-1252. Each departure from
/// what the document said is reported in <see cref="CharsetDecision.Notes"/>.
/// </summary>
public static class DocumentDecoder
{
    /// <summary>How confident the detector must be to overrule a declared Latin-1 label.</summary>
    private const float OverruleConfidence = 0.8f;

    /// <summary>Decodes the whole document to a string.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> body, string? contentType, DocumentKind kind)
    {
        var decision = Decide(body, contentType, kind);
        return new DecodedText(decision.Decode(body), decision.EncodingName, decision.Notes);
    }

    /// <summary>Chooses how to decode, without decoding the document into one string.</summary>
    public static CharsetDecision Decide(ReadOnlySpan<byte> body, string? contentType, DocumentKind kind)
    {
        var notes = new List<string>();
        var (name, encoding, byteOrderMark) = Choose(body, contentType, kind, notes);
        var text = body[byteOrderMark..];

        byte[]? repaired = null;
        if (name == "UTF-8" || EncodingLabels.IsWideUnicode(name))
        {
            repaired = DoubleEncodedUtf8.Repair(name == "UTF-8" ? text : Encoding.UTF8.GetBytes(encoding.GetString(text)));
            if (repaired is not null)
            {
                notes.Add($"the text is UTF-8 encoded twice (read as windows-1252, then written as {name}); repaired and read as UTF-8");
                (name, encoding) = ("UTF-8", EncodingLabels.Utf8);
                text = repaired;
            }
        }

        var controls = CountC1Controls(encoding, text);
        if (controls > 0)
        {
            notes.Add($"{controls} C1 control character{(controls == 1 ? "" : "s")} in the {name} text read as windows-1252 (U+0092 as ’, U+0085 as …)");
            encoding = new C1MappingEncoding(encoding);
        }

        return new CharsetDecision
        {
            EncodingName = name,
            Encoding = encoding,
            ByteOrderMarkLength = repaired is null ? byteOrderMark : 0,
            RepairedBytes = repaired,
            Notes = notes,
        };
    }

    private static (string Name, Encoding Encoding, int ByteOrderMark) Choose(ReadOnlySpan<byte> body, string? contentType, DocumentKind kind, List<string> notes)
    {
        if (UnicodeSignature.Of(body) is { } signature)
            return FromSignature(signature, body, contentType, kind, notes);

        var declared = Usable(CharsetDeclaration.Find(body, contentType, kind), notes);
        if (!body.ContainsAnyInRange((byte)0x80, (byte)0xFF))
        {
            // ASCII reads the same in every candidate; only a 7-bit encoding (ISO-2022-JP) needs its label or a guess.
            if (declared.Count > 0)
                return (declared[0].Name, declared[0].Encoding, 0);
            if (body.Contains((byte)0x1B) && StatisticalDetection.Detect(body) is { Name: not "UTF-8" and not "windows-1252" } escaped)
            {
                notes.Add($"no charset declared; read as {escaped.Name}, detected from the escape sequences (confidence {escaped.Confidence:0.00})");
                return (escaped.Name, escaped.Encoding, 0);
            }
            return ("UTF-8", EncodingLabels.Utf8, 0);
        }

        var utf8 = Utf8Validity.Of(body);
        if (utf8.IsValid || utf8.IsMostlyValid)
        {
            foreach (var d in declared.Where(d => d.Name != "UTF-8"))
                notes.Add($"{d.Where} says {d.Label} but the document is {(utf8.IsValid ? "valid UTF-8" : "UTF-8 but for a few bytes")}; read as UTF-8");
            if (!utf8.IsValid)
                notes.Add($"{utf8.InvalidBytes} invalid UTF-8 byte{(utf8.InvalidBytes == 1 ? "" : "s")} replaced with U+FFFD");
            return ("UTF-8", EncodingLabels.Utf8, 0);
        }

        Declared? fitting = null;
        foreach (var d in declared)
        {
            if (d.Name != "UTF-8" && DecodesCleanly(d.Encoding, body))
            {
                fitting = d;
                break;
            }
            notes.Add($"{d.Where} says {d.Label} but the bytes are not valid {d.Name}");
        }

        if (fitting is not null)
        {
            if (fitting.Name == "windows-1252" && HasLongNonAsciiRun(body)
                && StatisticalDetection.Detect(body) is { Name: not "windows-1252" } detected
                && detected.Confidence >= OverruleConfidence && DecodesCleanly(detected.Encoding, body))
            {
                notes.Add($"{fitting.Where} says {fitting.Label} but the bytes are {detected.Name} (detected, confidence {detected.Confidence:0.00}); read as {detected.Name}");
                return (detected.Name, detected.Encoding, 0);
            }
            if (fitting != declared[0])
                notes.Add($"read as {fitting.Label} ({fitting.Name}), from the {fitting.Where}");
            return (fitting.Name, fitting.Encoding, 0);
        }

        var guess = StatisticalDetection.Detect(body);
        var why = declared.Count == 0 ? "no charset declared and the bytes are not UTF-8" : "no declared charset fits the bytes";
        if (guess is not null && DecodesCleanly(guess.Encoding, body))
        {
            notes.Add($"{why}; read as {guess.Name}, detected from the bytes (confidence {guess.Confidence:0.00})");
            return (guess.Name, guess.Encoding, 0);
        }

        // Nothing decodes cleanly: the author's label, else the detector's guess, else what browsers fall back to.
        var (name, encoding) = declared.FirstOrDefault(d => d.Name != "UTF-8") is { } label ? (label.Name, label.Encoding)
            : guess is not null ? (guess.Name, guess.Encoding)
            : ("windows-1252", EncodingLabels.ForName("windows-1252")!);
        notes.Add($"{why}; read as {name}, invalid {name} bytes replaced with U+FFFD");
        return (name, encoding, 0);
    }

    private static (string, Encoding, int) FromSignature(UnicodeSignature signature, ReadOnlySpan<byte> body, string? contentType,
        DocumentKind kind, List<string> notes)
    {
        var name = signature.EncodingName;
        if (!signature.HasByteOrderMark)
            notes.Add($"no byte order mark; read as {name}, recognised from the zero bytes around the first characters");
        // Only ASCII-readable declarations can be compared: the HTTP charset, and those inside UTF-8.
        foreach (var d in CharsetDeclaration.Find(body, contentType, kind))
        {
            var declaredName = EncodingLabels.Name(d.Label);
            if (declaredName is not null && !SameUnicodeForm(declaredName, name))
                notes.Add($"{d.Where} says {d.Label} but the {(signature.HasByteOrderMark ? "byte order mark" : "first bytes")} say {name}; read as {name}");
        }
        return (name, EncodingLabels.ForName(name)!, signature.ByteOrderMarkLength);
    }

    /// <summary>"utf-16" names UTF-16 of either byte order, "utf-32" UTF-32 of either.</summary>
    private static bool SameUnicodeForm(string declared, string actual) =>
        declared == actual || Form(declared) is { } form && form == Form(actual);

    private static string? Form(string name) => name.StartsWith("UTF-16", StringComparison.Ordinal) ? "UTF-16"
        : name.StartsWith("UTF-32", StringComparison.Ordinal) ? "UTF-32" : null;

    private sealed record Declared(string Label, string Where, string Name, Encoding Encoding);

    /// <summary>The declarations this decoder can read, in order; each one set aside is reported.</summary>
    private static List<Declared> Usable(List<CharsetDeclaration> declarations, List<string> notes)
    {
        var usable = new List<Declared>();
        foreach (var (label, where) in declarations)
        {
            var name = EncodingLabels.Name(label);
            if (name is null)
            {
                notes.Add($"unknown charset {label} in {where} ignored");
                continue;
            }
            if (EncodingLabels.IsWideUnicode(name))
            {
                // Bytes without the zero bytes of UTF-16/32 are not in it; the HTML standard reads such a label as UTF-8.
                notes.Add($"{where} says {label} but the bytes are not {name}; taken as UTF-8");
                name = "UTF-8";
            }
            if (EncodingLabels.ForName(name) is not { } encoding)
            {
                notes.Add($"charset {label} in {where} ignored: no decoder for {name}");
                continue;
            }
            usable.Add(new Declared(label, where, name, encoding));
        }
        return usable;
    }

    private static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> body)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            strict.GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Four non-ASCII bytes in a row: what CJK and Cyrillic text is made of and Western text almost never has.</summary>
    private static bool HasLongNonAsciiRun(ReadOnlySpan<byte> body)
    {
        var run = 0;
        foreach (var b in body)
        {
            run = b >= 0x80 ? run + 1 : 0;
            if (run >= 4)
                return true;
        }
        return false;
    }

    private static int CountC1Controls(Encoding encoding, ReadOnlySpan<byte> text)
    {
        if (encoding is not UTF8Encoding)
            return C1MappingEncoding.CountMapped(encoding, text);
        // In UTF-8 a C1 control is C2 80–C2 9F: a vectorised search for C2 skips the rest.
        var count = 0;
        for (var at = text.IndexOf((byte)0xC2); at >= 0 && at + 1 < text.Length; at = NextC2(text, at + 1))
            if (text[at + 1] is >= 0x80 and <= 0x9F && Windows1252Table.IsMappedControl((char)text[at + 1]))
                count++;
        return count;
    }

    private static int NextC2(ReadOnlySpan<byte> text, int from)
    {
        var next = text[from..].IndexOf((byte)0xC2);
        return next < 0 ? -1 : from + next;
    }
}
