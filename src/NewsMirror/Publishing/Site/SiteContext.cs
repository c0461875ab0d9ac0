namespace NewsMirror.Publishing.Site;

/// <summary>What every renderer shares: the options, the sources, and the key that ties page fingerprints to this renderer.</summary>
internal sealed class SiteContext
{
    public SiteContext(SiteBuildOptions options)
    {
        Options = options;
        Sources = options.Sources;
        // The assembly's module id changes with any change to the renderer's code or assets (builds are deterministic),
        // so pages are re-rendered after an upgrade without anyone bumping a version by hand.
        var hash = new InputHash()
            .Add(typeof(SiteContext).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Add(options.BaseUrl?.AbsoluteUri ?? "")
            .Add(options.SiteTitle)
            .Add(options.Language)
            .Add(options.PageSize)
            .Add(options.HomeArticleCount)
            .Add(options.FeedEntryCount);
        foreach (var (name, folder) in options.Sources) hash.Add(name).Add(folder).Add(LanguageOf(folder));
        LayoutKey = hash.Finish();
    }

    public SiteBuildOptions Options { get; }
    public IReadOnlyList<(string Name, string Folder)> Sources { get; }
    public UInt128 LayoutKey { get; }

    public string SourceName(SiteArticle article) => Sources[article.SourceIndex].Name;

    /// <summary>The <c>lang</c> of a source's article pages.</summary>
    public string LanguageOf(string folder) => Options.SourceLanguages.GetValueOrDefault(folder) ?? Options.Language;

    /// <summary>A fingerprint seeded with the layout key and the kind of page.</summary>
    public InputHash Fingerprint(string pagePath) => new InputHash().AddHash(LayoutKey).Add(pagePath);
}
