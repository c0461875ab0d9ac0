using System.Text;
using System.Text.RegularExpressions;

namespace NewsMirror.Bodies;

/// <summary>Bytes of an HTML page to text: BOM, then the HTTP charset, then a meta charset, else UTF-8.</summary>
public static partial class HtmlDecoding
{
    /// <summary>How far into the page a meta charset is looked for (the HTML standard's prescan reads 1024 bytes; pages are sloppier).</summary>
    private const int PrescanBytes = 4096;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();

    public static string Decode(byte[] bytes, string? contentType = null)
    {
        var encoding = FromBom(bytes, out var bomLength)
            ?? Named(contentType is null ? null : HeaderCharset().Match(contentType))
            ?? Named(MetaCharset().Match(Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, PrescanBytes))))
            ?? Encoding.UTF8;
        return encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
    }

    private static Encoding? FromBom(byte[] bytes, out int length)
    {
        (Encoding? encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    private static Encoding? Named(Match? match)
    {
        if (match is not { Success: true }) return null;
        try
        {
            var encoding = Encoding.GetEncoding(match.Groups[1].Value);
            // A page that declares UTF-16 in ASCII-compatible bytes is in fact UTF-8 (HTML standard).
            return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
