using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsMirror.Tests.Bodies;

/// <summary>Independent text measure for tests: every text node outside script/style/template, with all white space removed.</summary>
internal static class VisibleText
{
    public static string Compact(string html)
    {
        var document = new HtmlParser().ParseDocument(string.Empty);
        document.Body!.InnerHtml = html;
        var text = document.Body.Descendants<IText>()
            .Where(t => t.ParentElement?.LocalName is not ("script" or "style" or "template"))
            .Select(t => t.Data);
        return string.Concat(string.Concat(text).Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>The compact text of <paramref name="html"/> with the last occurrence of each junk string (compacted) removed: junk trails the article text it resembles.</summary>
    public static string CompactWithout(string html, params string[] junk)
    {
        var text = Compact(html);
        foreach (var piece in junk)
        {
            var compactPiece = string.Concat(piece.Where(c => !char.IsWhiteSpace(c)));
            var at = text.LastIndexOf(compactPiece, StringComparison.Ordinal);
            Assert.True(at >= 0, $"test setup: junk \"{piece}\" is not in the body");
            text = text.Remove(at, compactPiece.Length);
        }
        return text;
    }
}
