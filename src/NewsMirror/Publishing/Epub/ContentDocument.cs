using System.Text;
using NewsMirror.Publishing.Site;
using NewsMirror.Urls;

namespace NewsMirror.Publishing.Epub;

/// <summary>One article as an XHTML content document: title, source, time, link to the original, then the body.</summary>
internal static class ContentDocument
{
    public static string Render(DigestArticle article, string language, EpubImages images)
    {
        var record = article.Record;
        var html = new StringBuilder("<article>\n<h1>").Append(XmlText.Escape(record.Title)).Append("</h1>\n<p class=\"meta\">")
            .Append(XmlText.Escape(article.Row.Source));
        if (article.TimeMs is { } ms) html.Append(" · ").Append(ChinaTime.Display(ms)).Append("（北京时间）");
        if (WhatwgUrl.Serialize(record.Link) is { } link && HttpUrl.Is(link))
            html.Append(" · <a href=\"").Append(XmlText.Escape(link)).Append("\">原文</a>");
        html.Append("</p>\n");
        var body = new XhtmlBody(images, article.Directory).Convert(record.Body);
        html.Append(body.Length > 0 ? body : "<p>（没有正文）</p>").Append("\n</article>\n");
        return XhtmlDocument.Render(language, record.Title, html.ToString());
    }

    /// <summary>The one page of a digest whose period holds no article: a book needs at least one.</summary>
    public static string RenderEmpty(EpubDigestOptions options) =>
        XhtmlDocument.Render(options.Language, options.Title, "<p>这段时间没有存档的文章。</p>\n");
}
