namespace NewsMirror.Fetching.Decoding;

/// <summary>What a document is, which decides where its charset may be declared and which declaration comes first.</summary>
public enum DocumentKind
{
    /// <summary>An XML or JSON feed: the XML declaration, then the HTTP charset (often a server's default).</summary>
    Feed,

    /// <summary>An HTML page: the HTTP charset, then a meta charset or an XML declaration, as browsers read them.</summary>
    Page,
}
