using NewsMirror.Sources;

namespace NewsMirror.Bodies;

/// <summary>What <see cref="BodyCleaner"/> does beyond sanitising: which junk to drop, which iframes to keep, where relative URLs point.</summary>
public sealed record CleanupOptions
{
    /// <summary>The article's address: relative URLs resolve against it.</summary>
    public Uri? BaseUrl { get; init; }

    public IReadOnlyList<JunkRule> Rules { get; init; } = [];

    /// <summary>Iframe hosts allowed on top of <see cref="IframeHosts.BuiltIn"/>.</summary>
    public IReadOnlyList<string> IframeHosts { get; init; } = [];

    /// <summary>Cleanup for pages of unknown origin (the extract command): common junk rules only.</summary>
    public static CleanupOptions Generic(Uri? baseUrl) => new() { BaseUrl = baseUrl, Rules = BuiltInJunkRules.Common };

    /// <summary>The source's built-in rules (by folder), its own <see cref="SourceConfig.Remove"/> selectors and iframe hosts.</summary>
    public static CleanupOptions For(SourceConfig source, Uri? baseUrl) => new()
    {
        BaseUrl = baseUrl,
        Rules = [.. BuiltInJunkRules.For(source.Folder), .. source.Remove.Select(s => JunkRule.Selector("remove: " + s, s))],
        IframeHosts = source.IframeHosts,
    };
}
