namespace NewsMirror.Feeds.Xml;

/// <summary>
/// Builds the element tree from the token stream, item by item: namespaces are resolved, xml:base and
/// xml:lang inherited, mismatched end tags repaired, and each completed item is handed to the format
/// reader and cut from the tree, so memory holds the feed header plus one item, not the document.
/// </summary>
internal sealed class XmlTreeReader(XmlTokenizer tokenizer, FeedParseContext context)
{
    private const int MaxRememberedNames = 2048;

    private readonly List<LenientElement> _open = [];
    private readonly List<int> _bindingMarks = [];
    private readonly List<(string Prefix, string Uri)> _bindings = [];
    private readonly Dictionary<string, (string Prefix, string LocalName)> _nameParts = new(StringComparer.Ordinal);

    /// <summary>
    /// HTML elements that never have content, as unescaped HTML in a description writes them
    /// (&lt;br&gt; without &lt;/br&gt;). Void names that are also feed elements (link, source, base, meta) are left out.
    /// </summary>
    private static readonly HashSet<string> HtmlVoidNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "br", "col", "embed", "hr", "img", "input", "track", "wbr",
    };

    /// <summary>The result of reading a document whose root element the <c>chooseReader</c> accepted.</summary>
    public sealed record Result(LenientElement Root, XmlFeedReader Reader, List<FeedItem> Items);

    /// <summary>
    /// Reads the document. <paramref name="chooseReader"/> sees each top-level element until it returns a
    /// reader for one (elements before it are junk and skipped); reading gives up at an element for which
    /// <paramref name="endsSearch"/> is true. Returns null when no element was accepted.
    /// </summary>
    public Result? Read(Func<LenientElement, XmlFeedReader?> chooseReader, Predicate<LenientElement> endsSearch)
    {
        LenientElement? root = null;
        XmlFeedReader? reader = null;
        var items = new List<FeedItem>();
        var skippedJunk = false;
        while (tokenizer.Read())
        {
            if (reader is null)
            {
                if (tokenizer.Kind == XmlTokenKind.StartTag)
                {
                    var candidate = CreateElement(null, out var mark);
                    if (endsSearch(candidate))
                        return null;
                    reader = chooseReader(candidate);
                    if (reader is null)
                    {
                        _bindings.RemoveRange(mark, _bindings.Count - mark);
                        skippedJunk = true;
                        continue;
                    }
                    root = candidate;
                    if (skippedJunk)
                        context.Log.Add("junk before the root element skipped");
                    if (!tokenizer.IsSelfClosing)
                        Open(root, mark);
                }
                else if (tokenizer.Kind == XmlTokenKind.Text && !string.IsNullOrWhiteSpace(tokenizer.Text))
                    skippedJunk = true;
                continue;
            }
            if (_open.Count == 0)
                break;
            switch (tokenizer.Kind)
            {
                case XmlTokenKind.StartTag:
                    StartElement(reader, items);
                    break;
                case XmlTokenKind.EndTag:
                    EndElement(reader, items);
                    break;
                case XmlTokenKind.Text:
                    AddText();
                    break;
            }
        }
        if (root is null || reader is null)
            return null;
        if (_open.Count > 0)
        {
            context.Log.Add($"document truncated after {items.Count} items");
            // Its body is cut short: it is not read, but it is not passed over in silence either.
            if (_open.Exists(reader.IsItem))
                context.Log.Add("the unfinished item at the cut was left out");
        }
        return new Result(root, reader, items);
    }

    private void StartElement(XmlFeedReader reader, List<FeedItem> items)
    {
        CloseUnclosedItem(reader, items);
        var parent = _open[^1];
        var element = CreateElement(parent, out var mark);
        parent.Add(element);
        if (tokenizer.IsSelfClosing || IsHtmlVoid(element))
        {
            _bindings.RemoveRange(mark, _bindings.Count - mark);
            Close(element, reader, items);
            return;
        }
        if (_open.Count >= context.Options.MaxDepth)
            throw new FeedParseException($"Not a usable feed: elements are nested deeper than {context.Options.MaxDepth} levels.");
        Open(element, mark);
    }

    /// <summary>A new &lt;item&gt; while an item is still open means the open one lacked its end tag: it ends here.</summary>
    private void CloseUnclosedItem(XmlFeedReader reader, List<FeedItem> items)
    {
        var name = tokenizer.Name;
        var index = _open.FindLastIndex(e => e.QualifiedName == name);
        if (index <= 0 || !reader.IsItem(_open[index]))
            return;
        context.Log.Add($"unclosed <{name}> closed at the next one");
        while (_open.Count > index)
            CloseInnermost(reader, items);
    }

    private void EndElement(XmlFeedReader reader, List<FeedItem> items)
    {
        var name = tokenizer.Name;
        var index = _open.FindLastIndex(e => e.QualifiedName == name);
        if (index < 0)
        {
            if (!HtmlVoidNames.Contains(name))
                context.Log.Add($"stray end tag </{name}> ignored");
            return;
        }
        while (_open.Count - 1 > index)
        {
            context.Log.Add($"unclosed element <{_open[^1].QualifiedName}> closed");
            CloseInnermost(reader, items);
        }
        CloseInnermost(reader, items);
    }

    private void CloseInnermost(XmlFeedReader reader, List<FeedItem> items)
    {
        var element = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        _bindings.RemoveRange(_bindingMarks[^1], _bindings.Count - _bindingMarks[^1]);
        _bindingMarks.RemoveAt(_bindingMarks.Count - 1);
        Close(element, reader, items);
    }

    private void Close(LenientElement element, XmlFeedReader reader, List<FeedItem> items)
    {
        if (element.Parent is null || !reader.IsItem(element))
            return;
        element.Parent.Remove(element);
        element.Parent.HoldsItems = true;
        items.Add(reader.ReadItem(element));
    }

    private static bool IsHtmlVoid(LenientElement element) =>
        element.NamespaceUri is "" or FeedNamespaces.Xhtml && HtmlVoidNames.Contains(element.LocalName);

    private void AddText()
    {
        var current = _open[^1];
        var text = tokenizer.Text;
        // Whitespace between items would otherwise pile up in the item container for the whole document.
        if (tokenizer.IsCData)
            current.Add(new XmlCData(text));
        else if (!(current.Parent is null || current.HoldsItems) || !string.IsNullOrWhiteSpace(text))
            current.Add(text);
    }

    private void Open(LenientElement element, int bindingMark)
    {
        _open.Add(element);
        _bindingMarks.Add(bindingMark);
    }

    /// <summary>
    /// Creates the element for the current start tag. Its namespace declarations stay pushed (from
    /// <paramref name="mark"/> on) unless the tag is self-closing.
    /// </summary>
    private LenientElement CreateElement(LenientElement? parent, out int mark)
    {
        mark = _bindings.Count;
        foreach (var attribute in tokenizer.Attributes)
        {
            if (attribute.Name == "xmlns")
                _bindings.Add(("", FeedNamespaces.Canonical(attribute.Value)));
            else if (attribute.Name.StartsWith("xmlns:", StringComparison.Ordinal))
                _bindings.Add((attribute.Name[6..], FeedNamespaces.Canonical(attribute.Value)));
        }
        var qualifiedName = tokenizer.Name;
        var (prefix, localName) = SplitName(qualifiedName);
        string? xmlBase = null;
        string? xmlLang = null;
        foreach (var attribute in tokenizer.Attributes)
        {
            if (attribute.Name == "xml:base")
                xmlBase = attribute.Value;
            else if (attribute.Name == "xml:lang")
                xmlLang = attribute.Value;
        }
        var baseUri = parent is null ? context.Options.BaseUrl?.AbsoluteUri : parent.BaseUri;
        var element = new LenientElement(qualifiedName, localName, ResolveNamespace(prefix), tokenizer.Attributes.ToArray())
        {
            Parent = parent,
            BaseUri = xmlBase is null ? baseUri : LinkResolver.Resolve(baseUri, xmlBase.Trim()),
            BaseDeclared = xmlBase is not null || parent?.BaseDeclared == true,
            Language = xmlLang ?? parent?.Language,
        };
        if (tokenizer.IsSelfClosing)
            _bindings.RemoveRange(mark, _bindings.Count - mark);
        return element;
    }

    /// <summary>Prefix and local name of a qualified name, remembered so repeated names split once.</summary>
    private (string Prefix, string LocalName) SplitName(string qualifiedName)
    {
        if (_nameParts.TryGetValue(qualifiedName, out var parts))
            return parts;
        var colon = qualifiedName.IndexOf(':');
        parts = colon < 0 ? ("", qualifiedName) : (qualifiedName[..colon], qualifiedName[(colon + 1)..]);
        if (_nameParts.Count < MaxRememberedNames)
            _nameParts[qualifiedName] = parts;
        return parts;
    }

    private string ResolveNamespace(string prefix)
    {
        for (var i = _bindings.Count - 1; i >= 0; i--)
            if (_bindings[i].Prefix == prefix)
                return _bindings[i].Uri;
        if (prefix.Length == 0)
            return "";
        if (FeedNamespaces.ForUndeclaredPrefix(prefix) is { } known)
        {
            if (prefix != "xml")
                context.Log.Add($"undeclared namespace prefix {prefix}: read as {known}");
            return known;
        }
        context.Log.Add($"undeclared namespace prefix {prefix}: ignored");
        return "";
    }
}
