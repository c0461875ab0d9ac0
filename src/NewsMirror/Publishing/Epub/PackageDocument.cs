using System.Text;

namespace NewsMirror.Publishing.Epub;

/// <summary>A file of the package besides the navigation document, as the manifest lists it.</summary>
internal sealed record ManifestItem(string Id, string Href, string MediaType, bool InSpine);

/// <summary>The package document (<c>package.opf</c>): metadata, manifest and spine, the navigation document first.</summary>
internal static class PackageDocument
{
    public const string Path = "EPUB/package.opf";

    public static string Render(string identifier, string title, IReadOnlyCollection<string> languages, DateTimeOffset modified, string description, IReadOnlyList<ManifestItem> items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"")
            .Append(XmlText.Escape(languages.First())).Append("\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
            .Append("<dc:identifier id=\"uid\">").Append(identifier).Append("</dc:identifier>\n")
            .Append("<dc:title>").Append(XmlText.Escape(title)).Append("</dc:title>\n");
        foreach (var language in languages) xml.Append("<dc:language>").Append(XmlText.Escape(language)).Append("</dc:language>\n");
        xml.Append("<dc:creator>NewsMirror</dc:creator>\n")
            .Append("<dc:description>").Append(XmlText.Escape(description)).Append("</dc:description>\n")
            .Append("<meta property=\"dcterms:modified\">")
            .Append(modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            .Append("</meta>\n</metadata>\n<manifest>\n")
            .Append("<item id=\"nav\" href=\"").Append(NavDocument.Href).Append("\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
        foreach (var item in items)
            xml.Append("<item id=\"").Append(item.Id).Append("\" href=\"").Append(XmlText.Escape(item.Href))
                .Append("\" media-type=\"").Append(item.MediaType).Append("\"/>\n");
        xml.Append("</manifest>\n<spine>\n<itemref idref=\"nav\"/>\n");
        foreach (var item in items.Where(i => i.InSpine)) xml.Append("<itemref idref=\"").Append(item.Id).Append("\"/>\n");
        return xml.Append("</spine>\n</package>\n").ToString();
    }
}
