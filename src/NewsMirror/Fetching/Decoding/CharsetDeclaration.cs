using System.Text;
using System.Text.RegularExpressions;

namespace NewsMirror.Fetching.Decoding;

/// <summary>A charset label a document or its server declares, and where it was found ("XML declaration").</summary>
public sealed partial record CharsetDeclaration(string Label, string Where)
{
    /// <summary>How far into a page a meta charset is looked for (the HTML standard's prescan reads 1024 bytes; pages are sloppier).</summary>
    private const int PrescanBytes = 4096;

    /// <summary>The declarations in the order they are trusted for this kind of document.</summary>
    public static List<CharsetDeclaration> Find(ReadOnlySpan<byte> body, string? contentType, DocumentKind kind)
    {
        var fromHttp = Declared(FromContentType(contentType), "HTTP charset");
        var fromXml = Declared(FromXmlDeclaration(body), "XML declaration");
        // A feed's generator knows what it wrote; a server's charset is often its default. Browsers trust the server.
        var found = kind == DocumentKind.Feed
            ? new[] { fromXml, fromHttp }
            : [fromHttp, Declared(FromMeta(body), "meta charset"), fromXml];
        return found.OfType<CharsetDeclaration>().ToList();
    }

    /// <summary>The charset parameter of a Content-Type header value, if any.</summary>
    private static string? FromContentType(string? contentType)
    {
        if (contentType is null)
            return null;
        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The encoding pseudo-attribute of an XML declaration near the start (ASCII-compatible bytes only).</summary>
    private static string? FromXmlDeclaration(ReadOnlySpan<byte> body)
    {
        var head = body[..Math.Min(body.Length, 1024)];
        var start = head.IndexOf("<?xml"u8);
        if (start < 0)
            return null;
        var end = head[start..].IndexOf("?>"u8);
        if (end < 0)
            return null;
        var match = EncodingPseudoAttribute().Match(Encoding.ASCII.GetString(head.Slice(start, end)));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary><c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c>.</summary>
    private static string? FromMeta(ReadOnlySpan<byte> body)
    {
        var match = MetaCharset().Match(Encoding.ASCII.GetString(body[..Math.Min(body.Length, PrescanBytes)]));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static CharsetDeclaration? Declared(string? label, string where) =>
        string.IsNullOrWhiteSpace(label) ? null : new CharsetDeclaration(label.Trim(), where);

    [GeneratedRegex(@"encoding\s*=\s*[""']\s*([A-Za-z0-9._:\-]+)\s*[""']")]
    private static partial Regex EncodingPseudoAttribute();

    [GeneratedRegex(@"charset\s*=\s*[""']?([^;""'\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
