using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace NewsMirror.Sources;

/// <summary>One feed outline of an OPML file.</summary>
public sealed record OpmlFeed(string Name, string Url, string? Folder);

/// <summary>
/// OPML 2.0 subscription lists. Export writes one <c>&lt;outline type="rss"&gt;</c> per source with its display name as
/// <c>text</c> and <c>title</c>, its feed as <c>xmlUrl</c> and its folder as the category <c>"/&lt;folder&gt;"</c>. Import
/// reads every outline with an <c>xmlUrl</c> at any depth (nesting is flattened); the folder is the last segment of
/// the first category path, when there is one.
/// </summary>
public static class OpmlFile
{
    public static string Write(IEnumerable<SourceConfig> sources, DateTimeOffset created)
    {
        var body = new XElement("body", sources.Select(s => new XElement("outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", s.Name),
            new XAttribute("title", s.Name),
            new XAttribute("xmlUrl", s.Url),
            new XAttribute("category", "/" + s.Folder))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("opml", new XAttribute("version", "2.0"),
            new XElement("head",
                new XElement("title", "NewsMirror sources"),
                new XElement("dateCreated", created.ToString("r", CultureInfo.InvariantCulture))),
            body));
        using var output = new Utf8StringWriter();
        document.Save(output);
        return output + "\n";
    }

    /// <exception cref="FormatException">Not an OPML document.</exception>
    public static List<OpmlFeed> Read(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"not valid XML: {e.Message}");
        }
        if (document.Root?.Name.LocalName != "opml") throw new FormatException("not an OPML document (the root element is not <opml>)");

        var feeds = new List<OpmlFeed>();
        foreach (var outline in document.Root.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            var url = Attribute(outline, "xmlUrl");
            if (url is null) continue;
            var name = Attribute(outline, "text") ?? Attribute(outline, "title") ?? url;
            feeds.Add(new OpmlFeed(name, url, FolderOf(Attribute(outline, "category"))));
        }
        return feeds;
    }

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>"/news/rfi,/tags/x" → "rfi": the last segment of the first path.</summary>
    private static string? FolderOf(string? category) =>
        category?.Split(',')[0].Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
