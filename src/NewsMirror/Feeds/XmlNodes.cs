using System.Text;

namespace NewsMirror.Feeds;

/// <summary>A text run inside an element; <see cref="IsCData"/> text is markup as its author wrote it.</summary>
internal sealed record XmlTextNode(string Text, bool IsCData);

/// <summary>
/// One element of the small tree the parser keeps: the feed header, and one item at a time
/// (an item's subtree is dropped as soon as it has been read).
/// </summary>
internal sealed class XmlElement(string qualifiedName, string localName, string namespaceUri, XmlAttribute[] attributes)
{
    private List<object>? _children;

    public string QualifiedName { get; } = qualifiedName;
    public string LocalName { get; } = localName;

    /// <summary>Canonical namespace URI (see <see cref="FeedNamespaces"/>); "" when none.</summary>
    public string NamespaceUri { get; } = namespaceUri;

    public XmlAttribute[] Attributes { get; } = attributes;
    public XmlElement? Parent { get; set; }

    /// <summary>Absolute base URI in effect for this element (xml:base resolved against its ancestors and the feed URL).</summary>
    public string? BaseUri { get; init; }

    /// <summary>xml:lang in effect for this element.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<object> Children => (IReadOnlyList<object>?)_children ?? [];

    public void Add(object child) => (_children ??= []).Add(child);

    public void Remove(XmlElement child) => _children?.Remove(child);

    public bool Is(string namespaceUri, string localName) => LocalName == localName && NamespaceUri == namespaceUri;

    public string? Attribute(string localName)
    {
        foreach (var attribute in Attributes)
            if (attribute.LocalName == localName && !attribute.Name.StartsWith("xmlns", StringComparison.Ordinal))
                return attribute.Value;
        return null;
    }

    public IEnumerable<XmlElement> Elements()
    {
        if (_children is null)
            yield break;
        foreach (var child in _children)
            if (child is XmlElement element)
                yield return element;
    }

    public XmlElement? Element(string namespaceUri, string localName) =>
        Elements().FirstOrDefault(e => e.Is(namespaceUri, localName));

    public bool HasElementChildren => _children is not null && _children.Exists(c => c is XmlElement);

    /// <summary>All descendant text, entities decoded and CDATA unwrapped, exactly as written (no trimming).</summary>
    public string InnerText()
    {
        if (_children is null)
            return "";
        if (_children.Count == 1 && _children[0] is XmlTextNode single)
            return single.Text;
        var builder = new StringBuilder();
        AppendText(builder);
        return builder.ToString();
    }

    private void AppendText(StringBuilder builder)
    {
        foreach (var child in Children)
        {
            if (child is XmlTextNode text)
                builder.Append(text.Text);
            else
                ((XmlElement)child).AppendText(builder);
        }
    }
}
