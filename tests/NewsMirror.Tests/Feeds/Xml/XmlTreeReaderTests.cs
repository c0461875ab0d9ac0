using NewsMirror.Feeds;
using NewsMirror.Feeds.Xml;

namespace NewsMirror.Tests.Feeds.Xml;

public class XmlTreeReaderTests
{
    /// <summary>A reader that takes every &lt;item&gt; and keeps the element it was handed.</summary>
    private sealed class ItemRecorder(FeedParseContext context) : XmlFeedReader(context)
    {
        public List<LenientElement> Items { get; } = [];
        public override string Format => "test";
        public override bool IsItem(LenientElement element) => element.LocalName == "item";

        public override FeedItem ReadItem(LenientElement item)
        {
            Items.Add(item);
            return new FeedItem { Id = item.Attribute("n") ?? "" };
        }

        public override FeedDocument ReadFeed(LenientElement root, IReadOnlyList<FeedItem> items) => new() { Format = Format, Items = items };
    }

    private readonly RecoveryLog _log = new();

    private (XmlTreeReader.Result? Result, ItemRecorder Reader) Read(string xml, string? baseUrl = null)
    {
        var context = new FeedParseContext(new FeedParseOptions { BaseUrl = baseUrl is null ? null : new Uri(baseUrl) }, _log);
        var recorder = new ItemRecorder(context);
        var tree = new XmlTreeReader(new XmlTokenizer(new StringReader(xml), _log), context);
        return (tree.Read(root => root.LocalName == "root" ? recorder : null, _ => false), recorder);
    }

    [Fact]
    public void Items_are_handed_over_in_document_order_and_cut_from_the_tree()
    {
        var (result, _) = Read("<root><title>T</title><item n=\"1\"/><item n=\"2\"><x/></item><item n=\"3\"></item></root>");
        Assert.Equal(["1", "2", "3"], result!.Items.Select(i => i.Id));
        Assert.Equal(["title"], result.Root.Elements().Select(e => e.LocalName));
    }

    [Fact]
    public void Namespaces_follow_the_prefix_binding_in_scope_not_the_prefix()
    {
        var (_, reader) = Read("<root xmlns:a=\"http://www.w3.org/2005/Atom\"><item n=\"1\"><a:x/><b:y xmlns:b=\"http://www.w3.org/2005/Atom/\"/><a:z xmlns:a=\"urn:other\"/><z/></item></root>");
        Assert.Equal(
            ["http://www.w3.org/2005/Atom", "http://www.w3.org/2005/Atom", "urn:other", ""],
            reader.Items[0].Elements().Select(e => e.NamespaceUri));
    }

    [Fact]
    public void An_undeclared_well_known_prefix_gets_its_usual_namespace_and_is_reported()
    {
        var (_, reader) = Read("<root><item><dc:creator>x</dc:creator><zz:q/></item></root>");
        Assert.Equal([FeedNamespaces.DublinCore, ""], reader.Items[0].Elements().Select(e => e.NamespaceUri));
        Assert.Equal(["undeclared namespace prefix dc: read as http://purl.org/dc/elements/1.1/", "undeclared namespace prefix zz: ignored"], _log.Messages);
    }

    [Fact]
    public void Xml_base_and_xml_lang_are_inherited_and_resolved_against_the_document_address()
    {
        var (result, reader) = Read("<root xml:lang=\"zh\" xml:base=\"/a/\"><item xml:base=\"b/\"><x xml:lang=\"en\"/></item></root>", "https://example.org/feed.xml");
        Assert.Equal("https://example.org/a/", result!.Root.BaseUri);
        var x = reader.Items[0].Elements().Single();
        Assert.Equal("https://example.org/a/b/", x.BaseUri);
        Assert.Equal("en", x.Language);
        Assert.Equal("zh", reader.Items[0].Language);
    }

    [Fact]
    public void Mismatched_end_tags_are_repaired_and_reported()
    {
        var (result, reader) = Read("<root><item n=\"1\"><p><b>x</p></i></item><item n=\"2\"><item n=\"3\"></root>");
        Assert.Equal(["1", "2", "3"], result!.Items.Select(i => i.Id));
        Assert.Equal("x", reader.Items[0].InnerText());
        Assert.Equal(["unclosed element <b> closed", "stray end tag </i> ignored", "unclosed <item> closed at the next one", "unclosed element <item> closed"], _log.Messages);
    }

    [Fact]
    public void Elements_before_the_accepted_root_are_junk_and_an_item_cut_by_truncation_is_reported()
    {
        var (result, _) = Read("<html><p>junk</p></html><root><item n=\"1\"/><item n=\"2\">");
        Assert.Equal(["1"], result!.Items.Select(i => i.Id));
        Assert.Equal(["junk before the root element skipped", "document truncated after 1 items", "the unfinished item at the cut was left out"], _log.Messages);
    }
}
