using System.Text;
using System.Xml;
using NewsMirror.Identity;
using NewsMirror.Publishing.Site.Removals;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The Atom 1.0 feed of what sources did to archived articles: removals (removed, redirected, replaced) and edits, newest
/// first. Entry ids name the article and the event, so a reader sees each removal and each revision once.
/// </summary>
internal static class ChangesFeed
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private sealed record Entry(string Id, string Title, long UpdatedMs, string Page, string Fragment, string Category, string Summary, SiteArticle Article);

    public static PageJob Create(SiteContext site, SiteChanges changes)
    {
        const string path = SitePaths.ChangesFeed;
        var entries = Entries(site, changes);
        var fingerprint = site.Fingerprint(path).Add(entries.Count);
        foreach (var entry in entries)
            fingerprint.Add(entry.Id).Add(entry.Title).Add(entry.UpdatedMs).Add(entry.Page).Add(entry.Fragment).Add(entry.Category).Add(entry.Summary)
                .Add(site.SourceName(entry.Article));
        return new PageJob(path, fingerprint.Finish(), () => Render(site, entries));
    }

    private static List<Entry> Entries(SiteContext site, SiteChanges changes)
    {
        var removals = changes.Removed.Select(r => new Entry(
            AtomFeed.NameBasedUrn($"removal:{r.Article.Folder}/{r.Article.File.FileName}:{r.Removal.Verdict}:{r.Removal.VerdictTime.ToUnixTimeMilliseconds()}"),
            RemovalNotice.VerdictName(r.Removal.Verdict) + "：" + r.Article.Title,
            r.Removal.VerdictTime.ToUnixTimeMilliseconds(),
            SitePaths.Article(r.Article),
            "removal",
            r.Removal.Verdict,
            RemovalNotice.SentenceText(r.Removal) + "。" + RemovalNotice.EvidenceText(r.Removal),
            r.Article));
        var edits = changes.Edits.Select(e => new Entry(
            AtomFeed.NameBasedUrn($"revision:{e.Article.Folder}/{e.Article.File.FileName}:{e.Version}"),
            "已修改：" + e.Line.Title,
            e.Line.Archived.ToUnixTimeMilliseconds(),
            SitePaths.Article(e.Article),
            "version-" + e.Version,
            "edited",
            EditSummary(changes.RevisionsOf(e.Article)![e.Version - 2].Title, e.Line, e.Version),
            e.Article));
        return removals.Concat(edits).OrderByDescending(e => e.UpdatedMs).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(site.Options.FeedEntryCount).ToList();
    }

    private static string EditSummary(string previousTitle, IdentityLogEntry line, int version)
    {
        var title = previousTitle == line.Title ? "标题没有改变" : $"标题由「{previousTitle}」改为「{line.Title}」";
        var file = line.Change == IdentityLogEntry.Changes.Update ? "存档随之更新" : "存档保留原文";
        return $"来源修改了这篇文章（版本 {version}）：{title}；{file}。";
    }

    private static string Render(SiteContext site, List<Entry> entries)
    {
        const string path = SitePaths.ChangesFeed;
        string Url(string target) => site.Options.BaseUrl is { } baseUrl ? SitePaths.Absolute(baseUrl, target) : SitePaths.Href(path, target);
        const string ns = AtomFeed.AtomNamespace;

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Utf8, Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, site.Options.Language);
            xml.WriteElementString("id", ns,
                site.Options.BaseUrl is { } baseUrl ? SitePaths.Absolute(baseUrl, path) : AtomFeed.NameBasedUrn("feed:" + site.Options.SiteTitle + ":" + path));
            AtomFeed.WriteText(xml, "title", "删除与修改 · " + site.Options.SiteTitle);
            xml.WriteElementString("updated", ns, ChinaTime.Iso(entries.Count == 0 ? 0 : entries.Max(e => e.UpdatedMs)));
            AtomFeed.WriteLink(xml, "self", Url(path), "application/atom+xml");
            AtomFeed.WriteLink(xml, "alternate", Url(SitePaths.Removed), "text/html");
            xml.WriteStartElement("author", ns);
            AtomFeed.WriteText(xml, "name", site.Options.SiteTitle);
            xml.WriteEndElement();
            xml.WriteElementString("generator", ns, "NewsMirror");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, entry.Id);
                AtomFeed.WriteText(xml, "title", entry.Title);
                xml.WriteElementString("updated", ns, ChinaTime.Iso(entry.UpdatedMs));
                AtomFeed.WriteLink(xml, "alternate", Url(entry.Page) + "#" + entry.Fragment, "text/html");
                xml.WriteStartElement("author", ns);
                AtomFeed.WriteText(xml, "name", site.SourceName(entry.Article));
                xml.WriteEndElement();
                xml.WriteStartElement("category", ns);
                xml.WriteAttributeString("term", entry.Category);
                xml.WriteEndElement();
                AtomFeed.WriteText(xml, "summary", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Utf8.GetString(buffer.ToArray()) + "\n";
    }
}
