using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsMirror.Bodies;

/// <summary>Parsing of body fragments and whole pages the way a browser without scripting would.</summary>
internal static class HtmlFragment
{
    // One parser per thread: a run may prepare items in parallel, and a parser's context is not meant to be shared.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    /// <summary>Parses <paramref name="html"/> as the content of a <c>body</c> and returns that body.</summary>
    public static IElement Parse(string html)
    {
        var document = Parser.Value!.ParseDocument(string.Empty);
        var body = document.Body!;
        body.InnerHtml = html;
        return body;
    }

    public static IHtmlDocument ParseDocument(string html) => Parser.Value!.ParseDocument(html);

    /// <summary>Removes <paramref name="element"/> but keeps its children in its place.</summary>
    public static void Unwrap(IElement element)
    {
        var parent = element.Parent;
        if (parent is null) return;
        while (element.FirstChild is { } child) parent.InsertBefore(child, element);
        element.Remove();
    }
}
