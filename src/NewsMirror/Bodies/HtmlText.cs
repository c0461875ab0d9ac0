using System.Text;
using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>The readable text of HTML: what a reader sees, without markup.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template",
    };

    /// <summary>Text content with runs of white space collapsed to one space and the ends trimmed.</summary>
    public static string Of(string? html)
    {
        if (string.IsNullOrEmpty(html)) return string.Empty;
        return Of(HtmlFragment.Parse(html));
    }

    /// <summary>Length of <see cref="Of(string?)"/>: the measure used to compare bodies.</summary>
    public static int Length(string? html) => Of(html).Length;

    internal static string Of(INode root)
    {
        var raw = new StringBuilder();
        Append(root, raw);
        return Collapse(raw);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data);
            else if (child is IElement e && !Invisible.Contains(e.LocalName)) Append(e, text);
        }
    }

    private static string Collapse(StringBuilder raw)
    {
        var result = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var chunk in raw.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = result.Length > 0;
                    continue;
                }
                if (pendingSpace) result.Append(' ');
                pendingSpace = false;
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
