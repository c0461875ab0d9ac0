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
    /// <summary>Small enough that showing a page of hits scattered over the years loads little.</summary>
    public const int DocumentsPerBlock = 250;

    /// <summary>Roughly how many postings one term shard should hold.</summary>
    private const int PostingsPerShard = 8000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="oldestFirst">Every article, oldest first; their document numbers are set here.</param>
    public static IEnumerable<PageJob> Create(SiteContext site, IReadOnlyList<SiteArticle> oldestFirst)
    {
        for (int i = 0; i < oldestFirst.Count; i++) oldestFirst[i].DocNumber = i;

        var postings = BuildPostings(oldestFirst, site.Options.MaxParallelism);

        int shardCount = (int)Math.Min(4096, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, postings.Count / PostingsPerShard)));
        var shards = new List<(string Term, List<int> Documents)>[shardCount];
        for (int i = 0; i < shardCount; i++) shards[i] = [];
        foreach (var (term, documents) in postings.Terms())
            shards[SearchTokenizer.ShardHash(term) % (uint)shardCount].Add((term, documents));

        var files = new List<PageJob>();
        var articlePrefixes = site.Sources.Select(s => SitePaths.Encode($"articles/{s.Folder}/")).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, site.Options.MaxParallelism) };
        var termFiles = new PageJob[shardCount];
        Parallel.For(0, shardCount, parallel, k => termFiles[k] = PageJob.Ready(ShardPath("t", k), TermShard(k, shards[k])));
        var documentFiles = new PageJob[(oldestFirst.Count + DocumentsPerBlock - 1) / DocumentsPerBlock];
        Parallel.For(0, documentFiles.Length, parallel,
            k => documentFiles[k] = PageJob.Ready(ShardPath("d", k), DocumentBlock(articlePrefixes, k, oldestFirst)));
        files.AddRange(termFiles);
        files.AddRange(documentFiles);

        var version = new InputHash();
        foreach (var file in files) version.AddHash(file.InputHash);
        files.Add(PageJob.Ready($"{SitePaths.SearchDirectory}/meta.js", Meta(site, shardCount, oldestFirst.Count, version.Finish().ToString("x32"))));
        return files;
    }

    private static string ShardPath(string kind, int k) => $"{SitePaths.SearchDirectory}/{kind}{k.ToString(CultureInfo.InvariantCulture)}.js";

    private static string TermShard(int k, List<(string Term, List<int> Documents)> terms)
    {
        var js = new StringBuilder(terms.Sum(t => t.Term.Length + 6 + t.Documents.Count * 3) + 64)
            .Append("NewsMirrorSearch.terms(").Append(k).Append(",{");
        bool first = true;
        foreach (var (term, documents) in terms.OrderBy(t => t.Term, StringComparer.Ordinal))
        {
            if (!first) js.Append(',');
            first = false;
            // Terms are letters, digits and CJK characters only: nothing in them needs escaping in a JSON string.
            js.Append('"').Append(term).Append("\":\"");
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

    /// <summary>
    /// Tokenizes the titles in as many slices as there are workers; slices hold ascending document ranges, so joining
    /// their lists in slice order keeps every list ascending.
    /// </summary>
    private static Postings BuildPostings(IReadOnlyList<SiteArticle> oldestFirst, int parallelism)
    {
        int slices = Math.Clamp(parallelism, 1, Math.Max(1, oldestFirst.Count / 1000));
        var parts = new Postings[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var part = parts[slice] = new Postings();
            int end = (int)((long)oldestFirst.Count * (slice + 1) / slices);
            for (int i = (int)((long)oldestFirst.Count * slice / slices); i < end; i++)
            {
                part.Document = oldestFirst[i].DocNumber;
                SearchTokenizer.IndexTerms(oldestFirst[i].Title, ref part);
            }
        });
        for (int slice = 1; slice < slices; slice++) parts[0].Append(parts[slice]);
        return parts[0];
    }

    private static string DocumentBlock(string[] articlePrefixes, int k, IReadOnlyList<SiteArticle> oldestFirst)
    {
        var js = new StringBuilder(DocumentsPerBlock * 96).Append("NewsMirrorSearch.docs(").Append(k).Append(",[\n");
        int end = Math.Min(oldestFirst.Count, (k + 1) * DocumentsPerBlock);
        for (int i = k * DocumentsPerBlock; i < end; i++)
        {
            var article = oldestFirst[i];
            js.Append('[');
            AppendJsonString(js, article.Title);
            // Slugs are digits and '-': the encoded folder prefix is all that needs encoding.
            js.Append(",\"").Append(articlePrefixes[article.SourceIndex]).Append(article.Slug).Append(".html\",")
                .Append(article.SourceIndex)
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

    /// <summary>
    /// Document lists per term, built without a string per occurrence: one- and two-character terms (all CJK terms)
    /// are keyed by their UTF-16 code units packed into an int. Documents arrive in ascending order, so a repeat of a
    /// term within one title is the list's last entry.
    /// </summary>
    private sealed class Postings : ISearchTermSink
    {
        private readonly Dictionary<uint, List<int>> _short = [];
        private readonly Dictionary<string, List<int>> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

        public Postings() => _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Document { get; set; }
        public long Count { get; private set; }

        public void Term(ReadOnlySpan<char> term)
        {
            List<int>? documents;
            if (term.Length <= 2)
            {
                uint key = term.Length == 1 ? term[0] : (uint)term[0] << 16 | term[1];
                if (!_short.TryGetValue(key, out documents)) _short[key] = documents = [];
            }
            else if (!_wordLookup.TryGetValue(term, out documents))
            {
                _wordLookup[term] = documents = [];
            }
            if (documents.Count > 0 && documents[^1] == Document) return;
            documents.Add(Document);
            Count++;
        }

        /// <summary>Adds the lists of <paramref name="later"/>, whose documents all come after this one's.</summary>
        public void Append(Postings later)
        {
            foreach (var (key, documents) in later._short)
            {
                if (_short.TryGetValue(key, out var mine)) mine.AddRange(documents);
                else _short[key] = documents;
            }
            foreach (var (word, documents) in later._words)
            {
                if (_words.TryGetValue(word, out var mine)) mine.AddRange(documents);
                else _words[word] = documents;
            }
            Count += later.Count;
        }

        public IEnumerable<(string Term, List<int> Documents)> Terms()
        {
            foreach (var (key, documents) in _short)
                yield return (key > 0xFFFF ? new string([(char)(key >> 16), (char)(key & 0xFFFF)]) : ((char)key).ToString(), documents);
            foreach (var (word, documents) in _words) yield return (word, documents);
        }
    }
}
