using System.Text.RegularExpressions;
using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// The readable text of an article body for comparing versions: one line per paragraph, markup gone. Diffing the HTML
/// would show readers tag changes they cannot see; diffing one flat line would lose where paragraphs begin.
/// </summary>
internal static partial class VersionText
{
    public static string Of(string bodyHtml) =>
        string.Join('\n', BlockEnd().Split(bodyHtml).Select(MarkupText.Strip).Where(paragraph => paragraph.Length > 0));

    [GeneratedRegex(@"</(?:p|div|h[1-6]|li|blockquote|figure|figcaption|tr|pre|section|article|header|footer)\s*>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();
}
