namespace NewsMirror.Publishing.Site;

/// <summary>What <see cref="SiteBuilder"/> renders, from where, to where.</summary>
/// <param name="ArchiveRoot">The archive repository: <c>articles/&lt;folder&gt;/&lt;id&gt;.md</c> below it.</param>
/// <param name="OutputDirectory">Where the site goes; also holds the incremental manifest (<c>.newsmirror/</c>).</param>
/// <param name="Sources">Display name and folder of each source, in the order the site lists them.</param>
public sealed record SiteBuildOptions(
    string ArchiveRoot,
    string OutputDirectory,
    IReadOnlyList<(string Name, string Folder)> Sources)
{
    /// <summary>Absolute URL the site is published at; feeds then carry absolute links. Null: feeds carry links relative to the feed file.</summary>
    public Uri? BaseUrl { get; init; }

    public string SiteTitle { get; init; } = "新闻镜像";

    /// <summary>BCP 47 language of the pages (<c>lang</c> attribute, Atom <c>xml:lang</c>).</summary>
    public string Language { get; init; } = "zh-Hans";

    /// <summary>Language of a source's article pages, by folder (newsmirror.yml's <c>lang</c>); others use <see cref="Language"/>.</summary>
    public IReadOnlyDictionary<string, string> SourceLanguages { get; init; } = new Dictionary<string, string>();

    /// <summary>Articles per page of a source stream.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>Articles on the home page (newest across all sources).</summary>
    public int HomeArticleCount { get; init; } = 100;

    /// <summary>Entries per Atom feed.</summary>
    public int FeedEntryCount { get; init; } = 50;

    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles their sources removed, redirected or replaced: shown on their pages, listed, and in the changes feed.</summary>
    public IReadOnlyList<SiteRemoval> Removals { get; init; } = [];
}
