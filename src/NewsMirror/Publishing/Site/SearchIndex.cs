using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The prebuilt search index, as JavaScript files that register themselves with the global <c>NewsMirrorSearch</c>
/// (so they load by <c>&lt;script&gt;</c>, which works from <c>file://</c> where fetch does not):
/// <c>search/meta.js</c> (shard count, sources), <c>search/t&lt;k&gt;.js</c> (terms whose hash falls in shard k, each with
/// its delta-encoded base-36 list of document numbers) and <c>search/d&lt;k&gt;.js</c> (title, page, source and day of
/// a block of documents). A query loads meta, one shard per term, and the document blocks of the hits it shows.
/// Document numbers run oldest first, so new articles extend the index at its end.
/// </summary>
internal static class SearchIndex
{
    public const int DocumentsPerBlock = 1000;

    /// <summary>Roughly how many postings one term shard should hold.</summary>
    private const int PostingsPerShard = 8000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="oldestFirst">Every article, oldest first; their document numbers are set here.</param>
    public static IEnumerable<PageJob> Create(SiteContext site, IReadOnlyList<SiteArticle> oldestFirst)
    {
        for (int i = 0; i < oldestFirst.Count; i++) oldestFirst[i].DocNumber = i;

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        long postingCount = 0;
        foreach (var article in oldestFirst)
            foreach (var term in SearchTokenizer.IndexTerms(article.Title))
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(article.DocNumber);
                postingCount++;
            }

        int shardCount = (int)Math.Min(4096, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, postingCount / PostingsPerShard)));
        var shards = new List<(string Term, List<int> Documents)>[shardCount];
        for (int i = 0; i < shardCount; i++) shards[i] = [];
        foreach (var (term, documents) in postings)
            shards[SearchTokenizer.ShardHash(term) % (uint)shardCount].Add((term, documents));

        var files = new List<PageJob>();
        for (int k = 0; k < shardCount; k++) files.Add(PageJob.Ready(ShardPath("t", k), TermShard(k, shards[k])));
        for (int k = 0; k * DocumentsPerBlock < oldestFirst.Count; k++)
            files.Add(PageJob.Ready(ShardPath("d", k), DocumentBlock(site, k, oldestFirst)));

        using var version = new InputHash();
        foreach (var file in files) version.Add(file.InputHash);
        files.Add(PageJob.Ready($"{SitePaths.SearchDirectory}/meta.js", Meta(site, shardCount, oldestFirst.Count, version.Finish())));
        return files;
    }

    private static string ShardPath(string kind, int k) => $"{SitePaths.SearchDirectory}/{kind}{k.ToString(CultureInfo.InvariantCulture)}.js";

    private static string TermShard(int k, List<(string Term, List<int> Documents)> terms)
    {
        var js = new StringBuilder("NewsMirrorSearch.terms(").Append(k).Append(",{");
        bool first = true;
        foreach (var (term, documents) in terms.OrderBy(t => t.Term, StringComparer.Ordinal))
        {
            if (!first) js.Append(',');
            first = false;
            js.Append(JsonSerializer.Serialize(term, Json)).Append(":\"");
            int previous = 0;
            for (int i = 0; i < documents.Count; i++)
            {
                if (i > 0) js.Append('.');
                AppendBase36(js, documents[i] - previous);
                previous = documents[i];
            }
            js.Append('"');
        }
        return js.Append("});\n").ToString();
    }

    private static string DocumentBlock(SiteContext site, int k, IReadOnlyList<SiteArticle> oldestFirst)
    {
        var js = new StringBuilder("NewsMirrorSearch.docs(").Append(k).Append(",[\n");
        int end = Math.Min(oldestFirst.Count, (k + 1) * DocumentsPerBlock);
        for (int i = k * DocumentsPerBlock; i < end; i++)
        {
            var article = oldestFirst[i];
            js.Append('[').Append(JsonSerializer.Serialize(article.Title, Json))
                .Append(',').Append(JsonSerializer.Serialize(SitePaths.Encode(SitePaths.Article(article)), Json))
                .Append(',').Append(article.SourceIndex)
                .Append(",\"").Append(ChinaTime.DayKey(article.Day)).Append("\"]")
                .Append(i + 1 < end ? ",\n" : "\n");
        }
        return js.Append("]);\n").ToString();
    }

    private static string Meta(SiteContext site, int shardCount, int documentCount, string version)
    {
        var meta = new
        {
            shards = shardCount,
            docsPerBlock = DocumentsPerBlock,
            docs = documentCount,
            sources = site.Sources.Select(s => s.Name).ToArray(),
            version,
        };
        return "NewsMirrorSearch.meta(" + JsonSerializer.Serialize(meta, Json) + ");\n";
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
