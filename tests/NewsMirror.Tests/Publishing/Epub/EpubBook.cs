using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace NewsMirror.Tests.Publishing.Epub;

/// <summary>A written EPUB opened for assertions: its raw bytes, entries, package document and table of contents.</summary>
internal sealed class EpubBook
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public EpubBook(string path)
    {
        Bytes = File.ReadAllBytes(path);
        using var zip = new ZipArchive(new MemoryStream(Bytes), ZipArchiveMode.Read);
        EntryNames = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            var content = new MemoryStream();
            stream.CopyTo(content);
            _entries[entry.FullName] = content.ToArray();
        }
        Package = XDocument.Parse(Text("EPUB/package.opf"));
    }

    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public byte[] Bytes { get; }
    public IReadOnlyList<string> EntryNames { get; }
    public XDocument Package { get; }

    public string Identifier => Package.Descendants(Dc + "identifier").Single().Value;

    public string Text(string entry) => Encoding.UTF8.GetString(_entries[entry]);

    public bool Has(string entry) => _entries.ContainsKey(entry);

    /// <summary>The content document an href of the nav document points at, parsed as XML (well-formedness is asserted by parsing).</summary>
    public XDocument Document(string href) => XDocument.Parse(Text("EPUB/" + href));

    /// <summary>The table of contents: per source heading, its entries (title, href).</summary>
    public List<(string Heading, List<(string Title, string Href)> Entries)> Toc()
    {
        var nav = Document("nav.xhtml").Descendants(Xhtml + "nav").Single();
        return nav.Element(Xhtml + "ol")!.Elements(Xhtml + "li")
            .Select(li => (
                li.Element(Xhtml + "span")!.Value,
                li.Element(Xhtml + "ol")!.Elements(Xhtml + "li").Select(e => e.Element(Xhtml + "a")!)
                    .Select(a => (a.Value, (string)a.Attribute("href")!)).ToList()))
            .ToList();
    }

    /// <summary>The document whose table-of-contents entry has this title.</summary>
    public XDocument Article(string title) => Document(Toc().SelectMany(s => s.Entries).Single(e => e.Title == title).Href);
}
