using NewsMirror.Feeds.Xml;

namespace NewsMirror.Tests.Feeds.Xml;

public class LenientElementTests
{
    private static LenientElement Element(string name, string ns = "", params LenientAttribute[] attributes) =>
        new(name, name[(name.IndexOf(':') + 1)..], ns, attributes);

    [Fact]
    public void Inner_text_joins_text_cdata_and_descendants_exactly_as_written()
    {
        var outer = Element("p");
        var inner = Element("b");
        inner.Add(" bold ");
        outer.Add("a\r\n");
        outer.Add(inner);
        outer.Add(new XmlCData("<c>"));
        Assert.Equal("a\r\n bold <c>", outer.InnerText());
        Assert.True(outer.HasElementChildren);
    }

    [Fact]
    public void Attributes_are_found_by_local_name_and_namespace_declarations_are_not_attributes()
    {
        var element = Element("x", "", new LenientAttribute("xmlns:href", "urn:x"), new LenientAttribute("rdf:about", "a"), new LenientAttribute("HREF", "h"));
        Assert.Equal("a", element.Attribute("about"));
        Assert.Null(element.Attribute("href"));
        Assert.Equal("h", element.Attribute("href", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Children_are_found_by_namespace_and_local_name()
    {
        var parent = Element("item");
        var dc = Element("dc:title", "http://purl.org/dc/elements/1.1/");
        var plain = Element("title");
        parent.Add(dc);
        parent.Add(plain);
        Assert.Same(plain, parent.Element("", "title"));
        Assert.Same(dc, parent.Element("http://purl.org/dc/elements/1.1/", "title"));
        parent.Remove(dc);
        Assert.Equal([plain], parent.Elements());
    }
}
