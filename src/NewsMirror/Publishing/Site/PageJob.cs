namespace NewsMirror.Publishing.Site;

/// <summary>One output file: its path, the fingerprint of its inputs, and how to render it when that fingerprint is new.</summary>
internal sealed record PageJob(string Path, UInt128 InputHash, Func<string> Render)
{
    /// <summary>For files whose content is cheaper to compute than to fingerprint (assets, search shards).</summary>
    public static PageJob Ready(string path, string content) => new(path, Site.InputHash.Of(content), () => content);
}
