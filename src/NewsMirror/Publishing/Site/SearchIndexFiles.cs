using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>The text of the search index's script files (see <see cref="SiteSearchIndex"/>).</summary>
internal static class SearchIndexFiles
{
    public static string Path(string kind, int k) => $"{SitePaths.SearchDirectory}/{kind}{k.ToString(CultureInfo.InvariantCulture)}.js";

    /// <summary>
    /// The files of shards 0 to <see cref="SearchPostings.ShardCount"/> − 1 of <paramref name="postings"/>, rendered when
    /// the writer asks for them; the postings are let go once every shard has been rendered.
    /// </summary>
    /// <param name="kind"><c>t</c> for the base index, <c>r</c> for the articles added since.</param>
    /// <param name="callback"><c>terms</c> for the base index, <c>recent</c> for the articles added since.</param>
    /// <param name="inputs">A fingerprint of everything the postings were built from (the term files' input hash derives from it).</param>
    public static PageJob[] TermShards(string kind, string callback, SearchPostings postings, UInt128 inputs)
    {
        var source = new StrongBox<SearchPostings?>(postings);
        int left = postings.ShardCount;
        var jobs = new PageJob[postings.ShardCount];
        for (int k = 0; k < jobs.Length; k++)
        {
            int shard = k;
            var path = Path(kind, k);
            jobs[k] = new PageJob(path, new InputHash().AddHash(inputs).Add(path).Finish(), () =>
            {
                var text = TermShard(callback, shard, source.Value ?? throw new InvalidOperationException($"{path} rendered twice"));
                if (Interlocked.Decrement(ref left) == 0) source.Value = null;
                return text;
            });
        }
        return jobs;
    }

    /// <summary>
    /// Each term's documents as <c>"title|body"</c>: two lists of base-36 deltas joined by dots, the body list (documents
    /// found by the body only) and its bar left out when empty.
    /// </summary>
    public static string TermShard(string callback, int k, SearchPostings postings)
    {
        var terms = postings.TermsOf(k);
        int capacity = 64;
        for (int t = terms.Start.Value; t < terms.End.Value; t++) capacity += postings.TermAt(t).Length + 6 + postings.DocumentsOf(t).Length * 3;
        var js = new StringBuilder(capacity).Append("NewsMirrorSearch.").Append(callback).Append('(').Append(k).Append(",{");
        for (int t = terms.Start.Value; t < terms.End.Value; t++)
        {
            if (t > terms.Start.Value) js.Append(',');
            // Terms are letters, digits and CJK characters only: nothing in them needs escaping in a JSON string.
            js.Append('"').Append(postings.TermAt(t)).Append("\":\"");
            var documents = postings.DocumentsOf(t);
            if (AppendDeltas(js, documents, inBody: 0)) AppendDeltas(js.Append('|'), documents, inBody: 1);
            js.Append('"');
        }
        return js.Append("});\n").ToString();
    }

    /// <summary>Appends the deltas of the documents whose flag is <paramref name="inBody"/>; returns whether any has the other flag.</summary>
    private static bool AppendDeltas(StringBuilder js, ReadOnlySpan<int> documents, int inBody)
    {
        int previous = 0;
        bool first = true, other = false;
        foreach (int entry in documents)
        {
            if ((entry & 1) != inBody)
            {
                other = true;
                continue;
            }
            if (!first) js.Append('.');
            first = false;
            int document = entry >> 1;
            AppendBase36(js, document - previous);
            previous = document;
        }
        return other;
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
