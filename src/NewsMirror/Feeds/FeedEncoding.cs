using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NewsMirror.Feeds;

/// <summary>
/// Chooses the character encoding of a feed's bytes. Order: a byte order mark; then, when the bytes are
/// valid UTF-8, UTF-8 (a legacy label on valid UTF-8 is a mislabel, never the other way round); then the
/// XML declaration (written by the feed's generator, which knows what it wrote) before the HTTP charset
/// (often a server default); a label whose decoding fails is passed over for the next.
/// </summary>
internal static partial class FeedEncoding
{
    static FeedEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding and the length of the byte order mark to skip.</summary>
    public readonly record struct Choice(Encoding Encoding, int PreambleLength);

    public static Choice Detect(ReadOnlySpan<byte> body, string? contentType, RecoveryLog log)
    {
        if (FromByteOrderMark(body) is { } marked)
            return marked;
        if (body.Length >= 4 && body[0] == '<' && body[1] == 0 && body[2] != 0)
            return new Choice(Encoding.Unicode, 0);
        if (body.Length >= 4 && body[0] == 0 && body[1] == '<')
            return new Choice(Encoding.BigEndianUnicode, 0);

        var declared = DeclaredInXml(body);
        var fromHttp = CharsetFromContentType(contentType);
        var labels = new[] { (Label: declared, Where: "XML declaration"), (Label: fromHttp, Where: "HTTP charset") }
            .Where(l => !string.IsNullOrWhiteSpace(l.Label)).ToList();

        if (Utf8.IsValid(body))
        {
            foreach (var (label, where) in labels)
                if (!IsUnicodeLabel(label!) && ContainsNonAscii(body))
                    log.Add($"{where} says {label} but the document is valid UTF-8; read as UTF-8");
            return new Choice(Utf8NoBom, 0);
        }

        foreach (var (label, where) in labels)
        {
            if (IsUnicodeLabel(label!))
                continue;
            var encoding = Resolve(label!);
            if (encoding is null)
            {
                log.Add($"unknown charset {label} in {where} ignored");
                continue;
            }
            if (DecodesCleanly(encoding, body))
            {
                if (labels[0].Label != label)
                    log.Add($"{labels[0].Where} says {labels[0].Label} but the bytes are not; read as {label} ({where})");
                return new Choice(encoding, 0);
            }
            log.Add($"{where} says {label} but the bytes do not decode cleanly");
        }
        foreach (var (label, _) in labels)
            if (!IsUnicodeLabel(label!) && Resolve(label!) is { } lenient)
            {
                log.Add($"invalid {label} bytes replaced with U+FFFD");
                return new Choice(lenient, 0);
            }
        log.Add("invalid UTF-8 bytes replaced with U+FFFD");
        return new Choice(Utf8NoBom, 0);
    }

    /// <summary>The charset parameter of a Content-Type header value, if any.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (contentType is null)
            return null;
        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// The .NET encoding for a charset label, mapping labels to the superset browsers use
    /// (GB2312/GBK → GB18030, ISO-8859-1/ASCII → Windows-1252, EUC-KR → its Windows superset).
    /// </summary>
    public static Encoding? Resolve(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "gb2312" or "gbk" or "x-gbk" or "cp936" or "windows-936" or "gb_2312-80" or "csgb2312" or "chinese" or "x-euc-cn" or "euc-cn" => "gb18030",
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso_8859-1" or "cp1252" => "windows-1252",
            "euc-kr" or "ks_c_5601-1987" or "cp949" or "windows-949" or "ksc5601" => "ks_c_5601-1987",
            "big5-hkscs" or "x-x-big5" or "cp950" => "big5",
            "sjis" or "x-sjis" or "ms_kanji" or "windows-31j" or "cp932" or "shift-jis" => "shift_jis",
            "utf8" => "utf-8",
            _ => name,
        };
        if (name == "utf-8")
            return Utf8NoBom;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static Choice? FromByteOrderMark(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new Choice(Utf8NoBom, 3);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
            return new Choice(Encoding.UTF32, 4);
        if (body.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            return new Choice(new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new Choice(Encoding.Unicode, 2);
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new Choice(Encoding.BigEndianUnicode, 2);
        return null;
    }

    /// <summary>The encoding pseudo-attribute of an XML declaration at the start (ASCII-compatible bytes only).</summary>
    private static string? DeclaredInXml(ReadOnlySpan<byte> body)
    {
        var head = body[..Math.Min(body.Length, 1024)];
        var start = head.IndexOf("<?xml"u8);
        if (start < 0)
            return null;
        var end = head[start..].IndexOf("?>"u8);
        if (end < 0)
            return null;
        var declaration = Encoding.ASCII.GetString(head.Slice(start, end));
        var match = EncodingPseudoAttribute().Match(declaration);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> body)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
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

    private static bool IsUnicodeLabel(string label) =>
        label.Trim().Trim('"', '\'').ToLowerInvariant() is "utf-8" or "utf8" or "utf-16" or "utf-16le" or "utf-16be" or "unicode";

    private static bool ContainsNonAscii(ReadOnlySpan<byte> body) => body.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    [GeneratedRegex(@"encoding\s*=\s*[""']\s*([A-Za-z0-9._:\-]+)\s*[""']")]
    private static partial Regex EncodingPseudoAttribute();

    [GeneratedRegex(@"charset\s*=\s*[""']?([^;""'\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
