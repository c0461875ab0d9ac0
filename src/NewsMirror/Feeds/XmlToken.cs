namespace NewsMirror.Feeds;

internal enum XmlTokenKind { EndOfDocument, StartTag, EndTag, Text }

/// <summary>An attribute as written: qualified name and entity-decoded value.</summary>
internal readonly record struct XmlAttribute(string Name, string Value)
{
    public string LocalName => Name.IndexOf(':') is var colon and >= 0 ? Name[(colon + 1)..] : Name;
}
