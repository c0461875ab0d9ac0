using System.Text;
using NewsMirror.Identity;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// The "versions" part of a revised article's page: each version with its time, and what changed in the title and
/// the text since the version before, deletions in <c>&lt;del&gt;</c> and insertions in <c>&lt;ins&gt;</c>.
/// </summary>
internal static class VersionsSection
{
    public static void Append(StringBuilder html, IReadOnlyList<ArticleVersion> versions)
    {
        html.Append("<section class=\"versions\" id=\"versions\" aria-labelledby=\"versions-heading\">\n<h2 id=\"versions-heading\">版本记录</h2>\n")
            .Append("<p class=\"meta\">存档后，来源修改过这篇文章：共 ").Append(versions.Count)
            .Append(" 个版本。每个版本与前一个版本比较，<del>删去的文字</del>划掉，<ins>加上的文字</ins>加下划线。</p>\n<ol class=\"versions\">\n");
        ArticleVersion? textBase = null;
        for (int i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            html.Append("<li id=\"version-").Append(version.Number).Append("\">\n<h3>版本 ").Append(version.Number).Append(" · ")
                .Append(Label(version.Change)).Append("</h3>\n<p class=\"meta\"><time datetime=\"").Append(ChinaTime.Iso(version.AtMs)).Append("\">")
                .Append(ChinaTime.Display(version.AtMs)).Append("</time>（北京时间）</p>\n");
            if (i == 0)
                html.Append("<p class=\"version-title\">标题：").Append(HtmlEscaper.Escape(version.Title)).Append("</p>\n");
            else
                AppendChanges(html, versions[i - 1], textBase, version);
            if (version.Text is not null) textBase = version;
            html.Append("</li>\n");
        }
        html.Append("</ol>\n</section>\n");
    }

    private static string Label(string? change) => change switch
    {
        null => "存档时的原文",
        IdentityLogEntry.Changes.Update => "来源修改，存档随之更新",
        _ => "来源修改，存档保留原文",
    };

    /// <param name="textBase">The latest earlier version whose text the archive kept.</param>
    private static void AppendChanges(StringBuilder html, ArticleVersion previous, ArticleVersion? textBase, ArticleVersion version)
    {
        html.Append("<div class=\"diff diff-title\">\n<h4>标题</h4>\n");
        if (previous.Title == version.Title)
            html.Append("<p class=\"meta\">没有改变：").Append(HtmlEscaper.Escape(version.Title)).Append("</p>\n");
        else
        {
            html.Append("<p class=\"diff-lines\">");
            DiffHtml.Append(html, TokenDiff.Compare(previous.Title, version.Title));
            html.Append("</p>\n");
        }
        html.Append("</div>\n<div class=\"diff diff-body\">\n<h4>正文</h4>\n");
        if (version.Text is null)
            html.Append("<p class=\"meta\">这一版的正文没有保存。</p>\n");
        else if (textBase?.Text is not { } older)
            html.Append("<p class=\"meta\">没有更早的正文可以比较。</p>\n<div class=\"diff-lines\">").Append(HtmlEscaper.Escape(version.Text)).Append("</div>\n");
        else if (older == version.Text)
            html.Append("<p class=\"meta\">与版本 ").Append(textBase.Number).Append(" 相同。</p>\n");
        else
        {
            if (textBase.Number != previous.Number) html.Append("<p class=\"meta\">与版本 ").Append(textBase.Number).Append(" 比较。</p>\n");
            html.Append("<div class=\"diff-lines\">");
            DiffHtml.Append(html, TokenDiff.Compare(older, version.Text));
            html.Append("</div>\n");
        }
        html.Append("</div>\n");
    }
}
