namespace NewsMirror.Publishing.Site;

/// <summary>Which articles the base index covers: its first <paramref name="BaseDocuments"/> documents, fingerprinted.</summary>
internal sealed record SearchIndexState(int BaseDocuments, UInt128 BaseHash, int BaseShards);

/// <summary>The index files to write, the ones kept as the previous build wrote them, the state to remember, and the documents in number order.</summary>
internal sealed record SearchIndexBuild(List<PageJob> Files, List<string> KeptFiles, SearchIndexState State, IReadOnlyList<SiteArticle> Documents, bool OrderChanged)
{
    /// <summary>Stores the document order (see <see cref="SearchDocumentOrder"/>) when it changed; called once the build's files are written.</summary>
    public void SaveOrder(string outputDirectory)
    {
        if (OrderChanged) SearchDocumentOrder.Save(outputDirectory, Documents);
    }
}

/// <summary>
/// The prebuilt search index, as JavaScript files that register themselves with the global <c>NewsMirrorSearch</c>
/// (so they load by <c>&lt;script&gt;</c>, which works from <c>file://</c> where fetch does not):
/// <c>search/meta.js</c> (shard counts, sources, the newest time of each document block), <c>search/t&lt;k&gt;.js</c>
/// (base index: the terms whose hash falls in shard k, each with the delta-encoded base-36 lists of the documents whose
/// title holds it and of those whose body alone does), <c>search/r&lt;k&gt;.js</c> (the same for the articles added
/// since the base was built) and <c>search/d&lt;k&gt;.js</c> (title, page, source, day, excerpt and time of a block of
/// documents). A query loads meta, one base and one recent shard per term, and the document blocks of the hits it
/// shows. Documents are numbered in the order builds first saw them (<see cref="SearchDocumentOrder"/>), so new
/// articles extend the numbering whenever they were published: while the base's documents are unchanged, an update
/// writes only the small recent index and the last document blocks, and the base is rebuilt once the recent part
/// outgrows a tenth of it. search.js orders hits by time, not by number.
/// </summary>
internal static class SiteSearchIndex
{
    /// <summary>Small enough that showing a page of hits scattered over the years loads little.</summary>
    public const int DocumentsPerBlock = 250;

    /// <summary>Roughly how many postings one term shard should hold.</summary>
    private const int PostingsPerShard = 8000;

    /// <summary>The recent index may always grow to this many documents before the base is rebuilt.</summary>
    private const int MinRecentDocuments = 2000;

    /// <param name="articles">Every article, in any order.</param>
    /// <param name="isIntact">Whether a file of the previous build is still on disk as it was written.</param>
    public static SearchIndexBuild Create(SiteContext site, IReadOnlyCollection<SiteArticle> articles, SearchIndexState? previous, Func<string, bool> isIntact)
    {
        int count = articles.Count;
        int parallelism = Math.Max(1, site.Options.MaxParallelism);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var files = new List<PageJob>();
        var kept = new List<string>();

        var stored = previous is null ? [] : SearchDocumentOrder.Load(site.Options.OutputDirectory);
        var documents = SearchDocumentOrder.FirstSeen(articles, stored);
        bool extending = previous is not null && CanExtend(site, documents, previous, isIntact);
        SearchIndexState state;
        if (!extending)
        {
            // The base is rebuilt anyway: number as a single build of this archive would.
            documents = SearchDocumentOrder.InArchiveOrder(articles);
            var all = SearchPostings.Build(site, documents, 0, count, parallelism, ShardCount);
            state = new SearchIndexState(count, PrefixHash(site, documents, count), all.ShardCount);
            // The base hash covers the renderer's code, the documents and their contents: all a base term file holds.
            files.AddRange(SearchIndexFiles.TermShards("t", "terms", all, new InputHash().AddHash(state.BaseHash).Add(state.BaseShards).Finish()));
        }
        else
        {
            state = previous!;
            kept.AddRange(Enumerable.Range(0, state.BaseShards).Select(k => SearchIndexFiles.Path("t", k)));
        }

        // The base hash and the recent documents determine every index file, whichever of them this build rewrote.
        var version = new InputHash().AddHash(state.BaseHash).Add(state.BaseShards).Add(count);
        for (int i = state.BaseDocuments; i < count; i++) version.Add(documents[i]).AddHash(documents[i].ContentHash);
        var versionHash = version.Finish();

        int recentShards = 0;
        if (count > state.BaseDocuments)
        {
            var recent = SearchPostings.Build(site, documents, state.BaseDocuments, count, parallelism, ShardCount);
            recentShards = recent.ShardCount;
            files.AddRange(SearchIndexFiles.TermShards("r", "recent", recent, new InputHash().AddHash(versionHash).Add(recentShards).Finish()));
        }

        // Blocks wholly inside an unchanged base are as they were; the rest are rewritten (only what changed is written).
        int keptBlocks = extending ? state.BaseDocuments / DocumentsPerBlock : 0;
        kept.AddRange(Enumerable.Range(0, keptBlocks).Select(k => SearchIndexFiles.Path("d", k)));
        var articlePrefixes = site.Sources.Select(s => SitePaths.Encode($"articles/{s.Folder}/")).ToArray();
        var blocks = new PageJob[Math.Max(0, (count + DocumentsPerBlock - 1) / DocumentsPerBlock - keptBlocks)];
        Parallel.For(0, blocks.Length, parallel, i => blocks[i] = PageJob.Ready(SearchIndexFiles.Path("d", keptBlocks + i),
            SearchIndexFiles.DocumentBlock(articlePrefixes, keptBlocks + i, documents)));
        files.AddRange(blocks);

        files.Add(PageJob.Ready($"{SitePaths.SearchDirectory}/meta.js",
            Meta(site, state.BaseShards, recentShards, documents, versionHash.ToString("x32"))));
        return new SearchIndexBuild(files, kept, state, documents, !SameOrder(documents, stored));
    }

    /// <summary>The base stays when its documents are still the first ones, unchanged, its files are intact, and the recent part is small.</summary>
    private static bool CanExtend(SiteContext site, IReadOnlyList<SiteArticle> documents, SearchIndexState previous, Func<string, bool> isIntact) =>
        previous.BaseDocuments <= documents.Count &&
        documents.Count - previous.BaseDocuments <= Math.Max(MinRecentDocuments, previous.BaseDocuments / 10) &&
        Enumerable.Range(0, previous.BaseShards).All(k => isIntact(SearchIndexFiles.Path("t", k))) &&
        Enumerable.Range(0, previous.BaseDocuments / DocumentsPerBlock).All(k => isIntact(SearchIndexFiles.Path("d", k))) &&
        PrefixHash(site, documents, previous.BaseDocuments) == previous.BaseHash;

    /// <summary>Everything the base's files hold about its documents: number, title, page, source, time and content, and the rules that made its terms.</summary>
    private static UInt128 PrefixHash(SiteContext site, IReadOnlyList<SiteArticle> documents, int count)
    {
        var hash = new InputHash().AddHash(site.LayoutKey).Add(SiteSearchTerms.Version).Add(count);
        for (int i = 0; i < count; i++) hash.Add(documents[i]).AddHash(documents[i].ContentHash);
        return hash.Finish();
    }

    private static bool SameOrder(IReadOnlyList<SiteArticle> documents, IReadOnlyList<(string Folder, string FileName)> stored)
    {
        if (documents.Count != stored.Count) return false;
        for (int i = 0; i < documents.Count; i++)
            if (documents[i].Folder != stored[i].Folder || documents[i].File.FileName != stored[i].FileName) return false;
        return true;
    }

    private static int ShardCount(long postings) =>
        (int)Math.Min(4096, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, postings / PostingsPerShard)));

    private static string Meta(SiteContext site, int shards, int recentShards, IReadOnlyList<SiteArticle> documents, string version)
    {
        // The newest time of each block bounds the times of its documents, so search.js can order hits newest first
        // while loading only the blocks that may hold the ones it shows.
        var blockNewest = new long[(documents.Count + DocumentsPerBlock - 1) / DocumentsPerBlock];
        Array.Fill(blockNewest, long.MinValue);
        for (int i = 0; i < documents.Count; i++)
            blockNewest[i / DocumentsPerBlock] = Math.Max(blockNewest[i / DocumentsPerBlock], documents[i].SortMs);
        var meta = new SearchIndexMeta(shards, recentShards, DocumentsPerBlock, documents.Count, site.Sources.Select(s => s.Name).ToArray(), version, blockNewest);
        return "NewsMirrorSearch.meta(" + meta.ToJson() + ");\n";
    }
}
