using System.Text;

namespace NewsMirror.Publishing.Epub;

/// <summary>An entry of the table of contents: the document and its title.</summary>
internal sealed record TocEntry(string Href, string Title);

/// <summary>The EPUB navigation document: the table of contents, one nested list per source.</summary>
internal static class NavDocument
{
    public const string Href = "nav.xhtml";

    public static string Render(EpubDigestOptions options, string heading, IReadOnlyList<(string Source, IReadOnlyList<TocEntry> Entries)> sections, TocEntry? empty)
    {
        var html = new StringBuilder("<nav epub:type=\"toc\" id=\"toc\">\n<h1>").Append(XmlText.Escape(heading)).Append("</h1>\n<ol>\n");
        foreach (var (source, entries) in sections)
        {
            html.Append("<li><span>").Append(XmlText.Escape(source)).Append("（").Append(entries.Count).Append(" 篇）</span>\n<ol>\n");
            foreach (var entry in entries) AppendLink(html, entry);
            html.Append("</ol>\n</li>\n");
        }
        if (empty is not null) AppendLink(html, empty);
        html.Append("</ol>\n</nav>\n");
        return XhtmlDocument.Render(options.Language, heading, html.ToString());
    }

    private static void AppendLink(StringBuilder html, TocEntry entry) =>
        html.Append("<li><a href=\"").Append(XmlText.Escape(entry.Href)).Append("\">").Append(XmlText.Escape(entry.Title)).Append("</a></li>\n");
}
