namespace NewsMirror.Publishing.Site;

/// <summary>The stylesheet and search script, embedded in the assembly from <c>Assets/</c>.</summary>
internal static class SiteAssets
{
    public static IEnumerable<PageJob> Create()
    {
        yield return PageJob.Ready(SitePaths.Stylesheet, Read("site.css"));
        yield return PageJob.Ready(SitePaths.SearchScript, Read("search.js"));
    }

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream("NewsMirror.Publishing.Site.Assets." + name)
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
