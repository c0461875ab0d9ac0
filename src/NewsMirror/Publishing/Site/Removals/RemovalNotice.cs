using System.Globalization;
using System.Text;

namespace NewsMirror.Publishing.Site.Removals;

/// <summary>How the site states a removal: the sentence with its date, and the evidence behind the verdict.</summary>
internal static class RemovalNotice
{
    /// <summary>The notice at the top of a removed article's page.</summary>
    public static void Append(StringBuilder html, SiteRemoval removal)
    {
        html.Append("<aside class=\"removal\" id=\"removal\" role=\"note\" aria-labelledby=\"removal-heading\">\n<h2 id=\"removal-heading\">");
        AppendSentence(html, removal);
        html.Append("</h2>\n");
        AppendEvidence(html, removal);
        html.Append("<p class=\"meta\">下面是存档时保存的文章。</p>\n</aside>\n");
    }

    /// <summary>"原文已于 DATE 从来源删除", the date a China-time day.</summary>
    public static void AppendSentence(StringBuilder html, SiteRemoval removal)
    {
        long ms = removal.VerdictTime.ToUnixTimeMilliseconds();
        html.Append("原文已于 <time datetime=\"").Append(ChinaTime.Iso(ms)).Append("\">").Append(ChinaTime.DayLabel(ChinaTime.Day(ms)))
            .Append("</time> ").Append(Sentence(removal.Verdict));
    }

    /// <summary>The one-line form of <see cref="AppendSentence"/>, for feed titles.</summary>
    public static string SentenceText(SiteRemoval removal) =>
        $"原文已于 {ChinaTime.DayLabel(ChinaTime.Day(removal.VerdictTime.ToUnixTimeMilliseconds()))} {Sentence(removal.Verdict)}";

    public static void AppendEvidence(StringBuilder html, SiteRemoval removal)
    {
        long ms = removal.VerdictTime.ToUnixTimeMilliseconds();
        html.Append("<dl class=\"evidence\">\n<div><dt>判定</dt><dd><span class=\"verdict\" lang=\"en\">").Append(HtmlEscaper.Escape(removal.Verdict))
            .Append("</span>（").Append(VerdictName(removal.Verdict)).Append("）</dd></div>\n")
            .Append("<div><dt>判定时间</dt><dd><time datetime=\"").Append(ChinaTime.Iso(ms)).Append("\">").Append(ChinaTime.Display(ms))
            .Append("</time>（北京时间）</dd></div>\n");
        if (removal.HttpStatus is { } status)
            html.Append("<div><dt>HTTP 状态</dt><dd class=\"status\">").Append(status.ToString(CultureInfo.InvariantCulture)).Append("</dd></div>\n");
        if (!string.IsNullOrEmpty(removal.RedirectTarget))
        {
            var target = HtmlEscaper.Escape(removal.RedirectTarget);
            html.Append("<div><dt>重定向到</dt><dd class=\"link redirect\">");
            // The target is what the source answered: only an http(s) address becomes a link.
            if (ArticlePage.IsWebLink(removal.RedirectTarget))
                html.Append("<a href=\"").Append(target).Append("\" rel=\"noopener noreferrer nofollow external\">").Append(target).Append("</a>");
            else
                html.Append(target);
            html.Append("</dd></div>\n");
        }
        html.Append("</dl>\n");
    }

    /// <summary>The evidence as plain text, for feed entries.</summary>
    public static string EvidenceText(SiteRemoval removal)
    {
        var text = new StringBuilder($"判定：{removal.Verdict}（{VerdictName(removal.Verdict)}），{ChinaTime.Display(removal.VerdictTime.ToUnixTimeMilliseconds())}（北京时间）");
        if (removal.HttpStatus is { } status) text.Append("；HTTP 状态 ").Append(status.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(removal.RedirectTarget)) text.Append("；重定向到 ").Append(removal.RedirectTarget);
        return text.Append('。').ToString();
    }

    private static string Sentence(string verdict) => verdict switch
    {
        SiteRemoval.Verdicts.Removed => "从来源删除",
        SiteRemoval.Verdicts.Redirected => "在来源被重定向到别处",
        _ => "在来源被替换：页面还在，文章已不见",
    };

    public static string VerdictName(string verdict) => verdict switch
    {
        SiteRemoval.Verdicts.Removed => "已删除",
        SiteRemoval.Verdicts.Redirected => "已重定向",
        _ => "已替换",
    };
}
