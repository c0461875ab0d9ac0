using System.Text;

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

        var controls = C1MappingEncoding.CountMapped(encoding, text);
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
        var chosen = AsciiCompatibleChoice.Make(body, CharsetDeclaration.Find(body, contentType, kind));
        if (chosen.Note is not null)
            notes.Add(chosen.Note);
        return (chosen.Name, chosen.Encoding, 0);
    }

    private static (string, Encoding, int) FromSignature(UnicodeSignature signature, ReadOnlySpan<byte> body, string? contentType,
        DocumentKind kind, List<string> notes)
    {
        var name = signature.EncodingName;
        var what = signature.HasByteOrderMark ? "byte order mark" : "zero bytes around the first characters";
        // Only ASCII-readable declarations can be compared: the HTTP charset, and those inside UTF-8.
        var reasons = CharsetDeclaration.Find(body, contentType, kind)
            .Where(d => EncodingLabels.Name(d.Label) is { } declared && !SameUnicodeForm(declared, name))
            .Select(d => $"{d.Where} says {d.Label} but the {what} say{(signature.HasByteOrderMark ? "s" : "")} {name}")
            .ToList();
        if (!signature.HasByteOrderMark)
            reasons.Add($"no byte order mark; read as {name}, recognised from the {what}");
        else if (reasons.Count > 0)
            reasons.Add($"read as {name}");
        if (reasons.Count > 0)
            notes.Add(string.Join("; ", reasons));
        return (name, EncodingLabels.ForName(name)!, signature.ByteOrderMarkLength);
    }

    /// <summary>"utf-16" names UTF-16 of either byte order, "utf-32" UTF-32 of either.</summary>
    private static bool SameUnicodeForm(string declared, string actual) =>
        declared == actual || Form(declared) is { } form && form == Form(actual);

    private static string? Form(string name) => name.StartsWith("UTF-16", StringComparison.Ordinal) ? "UTF-16"
        : name.StartsWith("UTF-32", StringComparison.Ordinal) ? "UTF-32" : null;
}
