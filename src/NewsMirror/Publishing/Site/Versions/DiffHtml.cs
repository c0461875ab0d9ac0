using System.Text;

namespace NewsMirror.Publishing.Site.Versions;

/// <summary>
/// A diff as HTML: deleted text in <c>&lt;del&gt;</c>, inserted text in <c>&lt;ins&gt;</c>, everything as text nodes (the
/// archived text is never markup here). Each paragraph of the text is a line of the element, which keeps line breaks.
/// </summary>
internal static class DiffHtml
{
    public static void Append(StringBuilder html, IEnumerable<DiffRun> runs)
    {
        foreach (var run in runs)
        {
            var text = HtmlEscaper.Escape(run.Text);
            switch (run.Kind)
            {
                case DiffKind.Deleted: html.Append("<del>").Append(text).Append("</del>"); break;
                case DiffKind.Inserted: html.Append("<ins>").Append(text).Append("</ins>"); break;
                default: html.Append(text); break;
            }
        }
    }
}
