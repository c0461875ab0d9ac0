using System.Text.RegularExpressions;
using NewsMirror.Feeds.Xml;

namespace NewsMirror.Feeds;

/// <summary>Titles are plain text; these helpers repair the two ways feeds get that wrong.</summary>
internal static partial class TitleText
{
    /// <summary>
    /// A title whose decoded text still holds character references (from "&amp;amp;amp;" or
    /// "&amp;amp;lt;b&amp;amp;gt;" in the XML) was escaped twice: decode it once more.
    /// </summary>
    public static string? UndoDoubleEscaping(string? title, RecoveryLog log)
    {
        if (title is null || !title.Contains('&') || !CharacterReference().IsMatch(title))
            return title;
        var decoded = new XmlTextDecoder(new RecoveryLog()).Decode(title);
        if (decoded != title)
            log.Add("double-escaped title decoded");
        return decoded;
    }

    /// <summary>Plain text of an HTML title (Atom type="html"): tags removed, references decoded.</summary>
    public static string FromHtml(string html) =>
        new XmlTextDecoder(new RecoveryLog()).Decode(Tag().Replace(html, ""));

    [GeneratedRegex("&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex CharacterReference();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
