using System.Text;
using System.Text.RegularExpressions;

namespace NewsMirror.Fetching;

/// <summary>Turns a fetched HTML page into text: BOM, then the HTTP charset, then a meta charset near the top, else UTF-8.</summary>
public static partial class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? contentType)
    {
        var encoding = FromBom(body, out var bomLength)
            ?? Named(CharsetIn(contentType))
            ?? Named(MetaCharset(body))
            ?? Encoding.UTF8;
        return encoding.GetString(body, bomLength, body.Length - bomLength);
    }

    private static Encoding? FromBom(byte[] body, out int length)
    {
        length = 0;
        if (body is [0xEF, 0xBB, 0xBF, ..]) { length = 3; return Encoding.UTF8; }
        if (body is [0xFF, 0xFE, ..]) { length = 2; return Encoding.Unicode; }
        if (body is [0xFE, 0xFF, ..]) { length = 2; return Encoding.BigEndianUnicode; }
        return null;
    }

    private static string? CharsetIn(string? contentType) =>
        contentType is null ? null : CharsetParameter().Match(contentType) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 2048));
        return MetaCharsetPattern().Match(head) is { Success: true } m ? m.Groups[1].Value : null;
    }

    private static Encoding? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        // Pages labelled gb2312 routinely use GBK characters; GB18030 is the superset that reads them all.
        if (name.Trim().ToLowerInvariant() is "gb2312" or "gbk" or "x-gbk") name = "gb18030";
        try { return Encoding.GetEncoding(name.Trim()); }
        catch (ArgumentException) { return null; }
    }

    [GeneratedRegex("""charset\s*=\s*["']?([\w\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([\w\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
