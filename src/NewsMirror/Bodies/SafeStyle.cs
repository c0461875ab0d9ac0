using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsMirror.Bodies;

/// <summary>
/// Drops the declarations of inline styles that can run code or fetch anything, whole, before the sanitiser
/// sees them (it would split a shorthand such as <c>background</c> into longhands and keep the harmless ones).
/// </summary>
internal static partial class SafeStyle
{
    /// <summary>IE's expression() and behavior, Mozilla's binding, every url() and image-set() (a fetch from the reader's browser), @import, script URLs; and escapes, which could spell any of these.</summary>
    [GeneratedRegex(@"[<>\\]|url\s*\(|image-set\s*\(|image\s*\(|expression\s*\(|behavior|binding|@import|javascript:|vbscript:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Unsafe();

    /// <summary>Removes the unsafe declarations of every <c>style</c> attribute under <paramref name="root"/>, and attributes left empty.</summary>
    public static void Clean(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("[style]"))
        {
            var kept = Declarations(element.GetAttribute("style")!).Where(d => !Unsafe().IsMatch(d)).ToList();
            if (kept.Count == 0) element.RemoveAttribute("style");
            else element.SetAttribute("style", string.Join("; ", kept));
        }
    }

    /// <summary>The declarations of a style attribute: split at semicolons outside quotes and parentheses, trimmed, empty ones left out.</summary>
    private static IEnumerable<string> Declarations(string style)
    {
        var current = new StringBuilder();
        var (depth, quote) = (0, '\0');
        foreach (var c in style)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (c == ';' && depth == 0)
            {
                if (current.ToString().Trim() is { Length: > 0 } declaration) yield return declaration;
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.ToString().Trim() is { Length: > 0 } last) yield return last;
    }
}
