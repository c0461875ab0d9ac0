using System.Globalization;
using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>The text of the search index's script files (see <see cref="SiteSearchIndex"/>).</summary>
internal static class SearchIndexFiles
{
    public static string Path(string kind, int k) => $"{SitePaths.SearchDirectory}/{kind}{k.ToString(CultureInfo.InvariantCulture)}.js";

    /// <param name="callback"><c>terms</c> for the base index, <c>recent</c> for the articles added since.</param>
    /// <summary>
    /// Each term's documents as <c>"title|body"</c>: two lists of base-36 deltas joined by dots, the body list (documents
    /// found by the body only) and its bar left out when empty.
    /// </summary>
    public static string TermShard(string callback, int k, List<(string Term, TermDocuments Documents)> terms)
    {
        var js = new StringBuilder(terms.Sum(t => t.Term.Length + 6 + (t.Documents.Title.Count + t.Documents.Body.Count) * 3) + 64)
            .Append("NewsMirrorSearch.").Append(callback).Append('(').Append(k).Append(",{");
        bool first = true;
        foreach (var (term, documents) in terms.OrderBy(t => t.Term, StringComparer.Ordinal))
        {
            if (!first) js.Append(',');
            first = false;
            // Terms are letters, digits and CJK characters only: nothing in them needs escaping in a JSON string.
            js.Append('"').Append(term).Append("\":\"");
            AppendDeltas(js, documents.Title);
            if (documents.Body.Count > 0) AppendDeltas(js.Append('|'), documents.Body);
            js.Append('"');
        }
        return js.Append("});\n").ToString();
    }

    private static void AppendDeltas(StringBuilder js, List<int> documents)
    {
        int previous = 0;
        for (int i = 0; i < documents.Count; i++)
        {
            if (i > 0) js.Append('.');
            AppendBase36(js, documents[i] - previous);
            previous = documents[i];
        }
    }

    /// <summary>Each document as <c>[title, page, source index, day, excerpt, time]</c>, time in Unix milliseconds (hits are ordered by it).</summary>
    public static string DocumentBlock(string[] articlePrefixes, int k, IReadOnlyList<SiteArticle> documents)
    {
        var js = new StringBuilder(SiteSearchIndex.DocumentsPerBlock * 96).Append("NewsMirrorSearch.docs(").Append(k).Append(",[\n");
        int end = Math.Min(documents.Count, (k + 1) * SiteSearchIndex.DocumentsPerBlock);
        for (int i = k * SiteSearchIndex.DocumentsPerBlock; i < end; i++)
        {
            var article = documents[i];
            js.Append('[');
            AppendJsonString(js, article.Title);
            // Slugs are digits and '-': the encoded folder prefix is all that needs encoding.
            js.Append(",\"").Append(articlePrefixes[article.SourceIndex]).Append(article.Slug).Append(".html\",")
                .Append(article.SourceIndex)
                .Append(",\"").Append(ChinaTime.DayKey(article.Day)).Append("\",");
            AppendJsonString(js, article.Excerpt);
            js.Append(',').Append(article.SortMs.ToString(CultureInfo.InvariantCulture)).Append(']')
                .Append(i + 1 < end ? ",\n" : "\n");
        }
        return js.Append("]);\n").ToString();
    }

    /// <summary>A JSON string literal; non-ASCII stays as it is (the files are UTF-8).</summary>
    private static void AppendJsonString(StringBuilder js, string text)
    {
        js.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': js.Append("\\\""); break;
                case '\\': js.Append("\\\\"); break;
                case < ' ' or '\u2028' or '\u2029': js.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: js.Append(c); break;
            }
        }
        js.Append('"');
    }

    private static void AppendBase36(StringBuilder js, int value)
    {
        Span<char> digits = stackalloc char[8];
        int length = 0;
        do
        {
            int digit = value % 36;
            digits[length++] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            value /= 36;
        } while (value > 0);
        for (int i = length - 1; i >= 0; i--) js.Append(digits[i]);
    }
}
