namespace NewsMirror.Publishing.Site;

/// <summary>
/// The latest daily EPUB digest in the site's folder (<c>site build --epub</c> writes it before the pages). The site
/// does not make it: the home page links it when the file is there, and a build never deletes it.
/// </summary>
public static class SiteDigest
{
    public const string RelativePath = "digest/latest.epub";

    public static string In(string outputDirectory) => Path.Combine(outputDirectory, "digest", "latest.epub");
}
