using System.Text;

namespace NewsMirror.Feeds.Xml;

/// <summary>
/// One element of the small tree the parser keeps: the feed header, and one item at a time
/// (an item's subtree is dropped as soon as it has been read).
/// </summary>
internal sealed class LenientElement(string qualifiedName, string localName, string namespaceUri, LenientAttribute[] attributes)
{
    private List<object>? _children;

    public string QualifiedName { get; } = qualifiedName;
    public string LocalName { get; } = localName;

    /// <summary>Canonical namespace URI (see <see cref="FeedNamespaces"/>); "" when none.</summary>
    public string NamespaceUri { get; } = namespaceUri;

    public LenientAttribute[] Attributes { get; } = attributes;
    public LenientElement? Parent { get; set; }

    /// <summary>Items were cut from this element (the channel): whitespace between them is not kept.</summary>
    public bool HoldsItems { get; set; }

    /// <summary>Absolute base URI in effect for this element (xml:base resolved against its ancestors and the feed URL).</summary>
    public string? BaseUri { get; init; }

    /// <summary>Whether an xml:base on this element or an ancestor set <see cref="BaseUri"/> (else it is the feed's address).</summary>
    public bool BaseDeclared { get; init; }

    /// <summary>xml:lang in effect for this element.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<object> Children => (IReadOnlyList<object>?)_children ?? [];

    public void Add(object child) => (_children ??= []).Add(child);

    public void Remove(LenientElement child) => _children?.Remove(child);

    public bool Is(string namespaceUri, string localName) => LocalName == localName && NamespaceUri == namespaceUri;

    /// <summary>The value of the first attribute with this local name (any prefix); namespace declarations are not attributes here.</summary>
    public string? Attribute(string localName, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var attribute in Attributes)
            if (attribute.LocalName.Equals(localName, comparison) && !attribute.Name.StartsWith("xmlns", StringComparison.Ordinal))
                return attribute.Value;
        return null;
    }

    public IEnumerable<LenientElement> Elements()
    {
        if (_children is null)
            yield break;
        foreach (var child in _children)
            if (child is LenientElement element)
                yield return element;
    }

    public LenientElement? Element(string namespaceUri, string localName)
    {
        if (_children is null)
            return null;
        foreach (var child in _children)
            if (child is LenientElement element && element.Is(namespaceUri, localName))
                return element;
        return null;
    }

    public bool HasElementChildren => _children is not null && _children.Exists(c => c is LenientElement);

    /// <summary>All descendant text, entities decoded and CDATA unwrapped, exactly as written (no trimming).</summary>
    public string InnerText()
    {
        if (_children is null)
            return "";
        if (_children.Count == 1 && _children[0] is string or XmlCData)
            return TextOf(_children[0])!;
        var builder = new StringBuilder();
        AppendText(builder);
        return builder.ToString();
    }

    private void AppendText(StringBuilder builder)
    {
        foreach (var child in Children)
        {
            if (child is LenientElement element)
                element.AppendText(builder);
            else
                builder.Append(TextOf(child));
        }
    }

    /// <summary>The text of a text child (string or CDATA); null for an element.</summary>
    public static string? TextOf(object child) => child switch
    {
        string text => text,
        XmlCData cdata => cdata.Text,
        _ => null,
    };
}
