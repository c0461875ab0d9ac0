using System.Text;
using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The stylesheet and search scripts, embedded in the assembly from <c>Assets/</c>, and the search script's
/// traditional → simplified table, written from the catalog's so the two never differ.
/// </summary>
internal static class SiteAssets
{
    public static IEnumerable<PageJob> Create()
    {
        yield return PageJob.Ready(SitePaths.Stylesheet, Read("site.css"));
        yield return PageJob.Ready(SitePaths.SearchTextScript, Read("search-text.js"));
        yield return PageJob.Ready(SitePaths.SearchVariantsScript, VariantsScript.Value);
        yield return PageJob.Ready(SitePaths.SearchScript, Read("search.js"));
    }

    /// <summary>Two strings of equal length in code points: the traditional characters and their simplified forms.</summary>
    private static readonly Lazy<string> VariantsScript = new(() =>
    {
        var traditional = new StringBuilder();
        var simplified = new StringBuilder();
        foreach (var (from, to) in ChineseVariants.Pairs())
        {
            traditional.Append(char.ConvertFromUtf32(from));
            simplified.Append(char.ConvertFromUtf32(to));
        }
        return "// Traditional → simplified characters (OpenCC's table, as the catalog uses it), for search-text.js.\n" +
            $"NewsMirrorSearchText.variants(\"{traditional}\",\n\"{simplified}\");\n";
    });

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream("NewsMirror.Publishing.Site.Assets." + name)
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
