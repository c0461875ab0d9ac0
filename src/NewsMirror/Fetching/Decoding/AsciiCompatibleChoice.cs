using System.Globalization;
using System.Text;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// The encoding of bytes with no byte order mark and no zero bytes: UTF-8 or a legacy encoding. A declared charset
/// is taken unless the bytes clearly contradict it — valid (or all but valid) UTF-8 is UTF-8 whatever the label; a
/// charset the bytes are not valid in is passed over; a Latin-1 label (the usual server default) on bytes no Western
/// text has yields to the detector — and with nothing declared that fits, the bytes are detected statistically.
/// </summary>
internal static class AsciiCompatibleChoice
{
    /// <summary>The encoding chosen, and the note that tells what was decided and why (null: as declared, nothing to tell).</summary>
    public sealed record Chosen(string Name, Encoding Encoding, string? Note);

    /// <summary>How confident the detector must be to overrule a declared Latin-1 label.</summary>
    private const float OverruleConfidence = 0.8f;

    private sealed record Declared(string Label, string Where, string Name, Encoding Encoding);

    public static Chosen Make(ReadOnlySpan<byte> body, IReadOnlyList<CharsetDeclaration> declarations)
    {
        // Why declarations were passed over: told together with what was chosen instead.
        var reasons = new List<string>();
        var declared = Usable(declarations, reasons);
        var (name, encoding, why) = Choose(body, declared, reasons);
        if (why is null && reasons.Count > 0)
            why = $"read as {name}";
        return new Chosen(name, encoding, why is null ? null : string.Join("; ", reasons.Append(why)));
    }

    private static (string Name, Encoding Encoding, string? Why) Choose(ReadOnlySpan<byte> body, List<Declared> declared, List<string> reasons)
    {
        if (!body.ContainsAnyInRange((byte)0x80, (byte)0xFF))
        {
            // ASCII reads the same in every candidate; only a 7-bit encoding (ISO-2022-JP) needs its label or a guess.
            if (declared.Count > 0)
                return (declared[0].Name, declared[0].Encoding, null);
            if (body.Contains((byte)0x1B) && StatisticalDetection.Detect(body) is { Name: not "UTF-8" and not "windows-1252" } escaped)
                return (escaped.Name, escaped.Encoding, $"no charset declared; read as {escaped.Name}, detected from its escape sequences (confidence {Confidence(escaped)})");
            return ("UTF-8", EncodingLabels.Utf8, null);
        }

        var utf8 = Utf8Validity.Of(body);
        if (utf8.IsValid || utf8.IsMostlyValid)
        {
            foreach (var d in declared.Where(d => d.Name != "UTF-8"))
                reasons.Add($"{d.Where} says {d.Label} but the document is {(utf8.IsValid ? "valid UTF-8" : "UTF-8 but for a few bytes")}");
            return ("UTF-8", EncodingLabels.Utf8, utf8.IsValid ? null
                : $"read as UTF-8, {utf8.InvalidSequences} invalid sequence{(utf8.InvalidSequences == 1 ? "" : "s")} replaced with U+FFFD");
        }

        var fitting = FirstFitting(body, declared, reasons);
        if (fitting is not null)
        {
            if (fitting.Name == "windows-1252" && HasLongNonAsciiRun(body)
                && StatisticalDetection.Detect(body) is { Name: not "windows-1252" } detected
                && detected.Confidence >= OverruleConfidence && DecodesCleanly(detected.Encoding, body))
            {
                reasons.Add($"{fitting.Where} says {fitting.Label} but the bytes are not Western text");
                return (detected.Name, detected.Encoding, Detected(detected));
            }
            return (fitting.Name, fitting.Encoding, fitting == declared[0] ? null : $"read as {fitting.Label} ({fitting.Name}), from the {fitting.Where}");
        }

        if (declared.Count == 0 && reasons.Count == 0)
            reasons.Add("no charset declared and the bytes are not UTF-8");
        var guess = StatisticalDetection.Detect(body);
        if (guess is not null && DecodesCleanly(guess.Encoding, body))
            return (guess.Name, guess.Encoding, Detected(guess));

        // Nothing decodes cleanly: the author's label, else the detector's guess, else what browsers fall back to.
        var (name, encoding) = declared.FirstOrDefault(d => d.Name != "UTF-8") is { } label ? (label.Name, label.Encoding)
            : guess is not null ? (guess.Name, guess.Encoding)
            : ("windows-1252", EncodingLabels.ForName("windows-1252")!);
        return (name, encoding, $"read as {name}, the bytes invalid in it replaced with U+FFFD");
    }

    private static string Detected(DetectedCharset detected) =>
        $"read as {detected.Name}, detected from the bytes (confidence {Confidence(detected)})";

    private static string Confidence(DetectedCharset detected) => detected.Confidence.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The first declaration the bytes are valid in; each one before it is passed over with its reason.</summary>
    private static Declared? FirstFitting(ReadOnlySpan<byte> body, List<Declared> declared, List<string> reasons)
    {
        foreach (var d in declared)
        {
            if (d.Name != "UTF-8" && DecodesCleanly(d.Encoding, body))
                return d;
            reasons.Add($"{d.Where} says {d.Label} but the bytes are not valid {d.Name}");
        }
        return null;
    }

    /// <summary>The declarations this decoder can read, in order; each one set aside is given a reason.</summary>
    private static List<Declared> Usable(IReadOnlyList<CharsetDeclaration> declarations, List<string> reasons)
    {
        var usable = new List<Declared>();
        foreach (var (label, where) in declarations)
        {
            var name = EncodingLabels.Name(label);
            if (name is null)
            {
                reasons.Add($"unknown charset {label} in {where} ignored");
                continue;
            }
            if (EncodingLabels.IsWideUnicode(name))
            {
                // Bytes without the zero bytes of UTF-16/32 are not in it; the HTML standard reads such a label as UTF-8.
                reasons.Add($"{where} says {label} but the bytes have none of its zero bytes");
                name = "UTF-8";
            }
            if (EncodingLabels.ForName(name) is not { } encoding)
            {
                reasons.Add($"{where} says {label}, which has no decoder here; ignored");
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
}
