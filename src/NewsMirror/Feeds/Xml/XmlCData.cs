namespace NewsMirror.Feeds.Xml;

/// <summary>
/// A CDATA section inside an element: its text is markup as its author wrote it. Ordinary text runs are
/// stored as plain strings among an element's children.
/// </summary>
internal sealed record XmlCData(string Text);
