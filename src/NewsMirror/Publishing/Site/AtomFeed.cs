using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Atom 1.0 feeds of the mirror with full, sanitized content. With a base URL every link is absolute; without one,
/// links are relative to the feed file itself (valid Atom: readers resolve them against the URL they fetched the
/// feed from, so the feed works wherever the site is served, but not when the file is copied elsewhere alone).
/// </summary>
internal static class AtomFeed
{
    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Namespace of the name-based UUIDs that identify entries and, without a base URL, feeds.</summary>
    private static readonly Guid IdNamespace = new("5b0f3c1e-8d4a-4e57-9a43-6f2b1c7d9e10");

    /// <param name="bodies">Where the entries' sanitized bodies come from (carried over from the previous build when unchanged).</param>
    public static PageJob Create(SiteContext site, FeedBodies bodies, string path, string title, string alternatePath, IReadOnlyList<SiteArticle> entries)
    {
        bodies.Expect(entries);
        var fingerprint = site.Fingerprint(path).Add(title).Add(alternatePath).AddAll(entries);
        foreach (var entry in entries) fingerprint.AddHash(entry.ContentHash);
        return new PageJob(path, fingerprint.Finish(), () => Render(site, bodies, path, title, alternatePath, entries));
    }

    private static string Render(SiteContext site, FeedBodies bodies, string path, string title, string alternatePath, IReadOnlyList<SiteArticle> entries)
    {
        string Url(string target) => site.Options.BaseUrl is { } baseUrl ? SitePaths.Absolute(baseUrl, target) : SitePaths.Href(path, target);

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Utf8, Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, site.Options.Language);
            xml.WriteElementString("id", AtomNamespace,
                site.Options.BaseUrl is { } baseUrl ? SitePaths.Absolute(baseUrl, path) : NameBasedUrn("feed:" + site.Options.SiteTitle + ":" + path));
            WriteText(xml, "title", title);
            xml.WriteElementString("updated", AtomNamespace, ChinaTime.Iso(entries.Count == 0 ? 0 : entries.Max(e => e.TimestampMs ?? e.ArchivedMs)));
            WriteLink(xml, "self", Url(path), "application/atom+xml");
            WriteLink(xml, "alternate", Url(alternatePath), "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            WriteText(xml, "name", site.Options.SiteTitle);
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNamespace, "NewsMirror");

            foreach (var entry in entries)
            {
                var body = bodies.Of(entry);
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, NameBasedUrn("article:" + entry.Folder + "/" + entry.File.FileName));
                WriteText(xml, "title", entry.Title);
                xml.WriteElementString("updated", AtomNamespace, ChinaTime.Iso(entry.TimestampMs ?? entry.ArchivedMs));
                if (entry.TimestampMs is { } published) xml.WriteElementString("published", AtomNamespace, ChinaTime.Iso(published));
                WriteLink(xml, "alternate", Url(SitePaths.Article(entry)), "text/html");
                if (body is not null && ArticlePage.IsWebLink(body.Link)) WriteLink(xml, "via", body.Link, null);
                xml.WriteStartElement("author", AtomNamespace);
                WriteText(xml, "name", site.SourceName(entry));
                xml.WriteEndElement();
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlSafe(body?.SanitizedBody ?? ""));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Utf8.GetString(buffer.ToArray()) + "\n";
    }

    internal static void WriteText(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, AtomNamespace);
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    internal static void WriteLink(XmlWriter xml, string rel, string href, string? type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        if (type is not null) xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates) that feeds sometimes carry.</summary>
    internal static string XmlSafe(string text)
    {
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                result.Append(text[i]).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(text[i]))
                result.Append(text[i]);
        }
        return result.Length == text.Length ? text : result.ToString();
    }

    /// <summary>A version-5 (SHA-1, name-based) UUID URN: stable for the same name on every build and every mirror.</summary>
    internal static string NameBasedUrn(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        IdNamespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
