using System.Security;
using System.Text;

namespace NewsMirror.Tests.Support;

/// <summary>One item of a fixture feed, shaped like the items of the real outlets' feeds.</summary>
public sealed record RssFixtureItem(string Title, string Link, string PubDate)
{
    public string? Guid { get; init; }
    public string? Description { get; init; }
    public string? ContentEncoded { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>Writes RSS 2.0 documents the way feedx, RFA and WordPress serve them (bodies in CDATA).</summary>
public static class RssFixture
{
    public static string Document(string title, IEnumerable<RssFixtureItem> items)
    {
        var xml = new StringBuilder();
        xml.Append("""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n');
        xml.Append("""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">""").Append('\n');
        xml.Append("<channel>\n<title>").Append(SecurityElement.Escape(title)).Append("</title>\n<link>https://example.org/</link>\n<description>fixture</description>\n");
        foreach (var item in items)
        {
            xml.Append("<item>\n<title>").Append(SecurityElement.Escape(item.Title)).Append("</title>\n");
            xml.Append("<link>").Append(SecurityElement.Escape(item.Link)).Append("</link>\n");
            if (item.Guid is not null) xml.Append("<guid isPermaLink=\"false\">").Append(SecurityElement.Escape(item.Guid)).Append("</guid>\n");
            foreach (var category in item.Categories) xml.Append("<category><![CDATA[").Append(category).Append("]]></category>\n");
            if (item.Description is not null) xml.Append("<description><![CDATA[").Append(item.Description).Append("]]></description>\n");
            if (item.ContentEncoded is not null) xml.Append("<content:encoded><![CDATA[").Append(item.ContentEncoded).Append("]]></content:encoded>\n");
            xml.Append("<pubDate>").Append(item.PubDate).Append("</pubDate>\n</item>\n");
        }
        xml.Append("</channel>\n</rss>\n");
        return xml.ToString();
    }
}
