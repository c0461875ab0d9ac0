namespace NewsMirror.Feeds.Xml;

internal enum XmlTokenKind { EndOfDocument, StartTag, EndTag, Text }
