using System.Text;
using NewsMirror.Archive;
using NewsMirror.Publishing.Site;

namespace NewsMirror.Tests.Publishing;

/// <summary>A generated archive in a temporary folder, with its site folder beside it; deleted on dispose.</summary>
internal sealed class TestArchive : IDisposable
{
    public static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>2024-03-26T09:00:00Z: 17:00 China time.</summary>
    public const long BaseMs = 1711443600000;

    public TestArchive()
    {
        Root = Path.Combine(Path.GetTempPath(), "newsmirror-site-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "articles"));
    }

    public string Root { get; }
    public string Site => Path.Combine(Root, "site");
    public List<(string Name, string Folder)> Sources { get; } = [];

    public void AddSource(string name, string folder)
    {
        Sources.Add((name, folder));
        Directory.CreateDirectory(Path.Combine(Root, "articles", folder));
    }

    public string Write(string folder, long id, string title, string body, long? timestampMs = BaseMs, string link = "https://example.org/news/1", string? fileName = null)
    {
        var path = ArticlePath(folder, fileName ?? $"{id}.md");
        File.WriteAllText(path, ArticleFile.Render(new ArticleRecord(timestampMs, title, link, body)), Utf8);
        return path;
    }

    public string ArticlePath(string folder, string fileName) => Path.Combine(Root, "articles", folder, fileName);

    public SiteBuildOptions Options(Uri? baseUrl = null) => new(Root, Site, Sources) { BaseUrl = baseUrl };

    public SiteBuildReport Build(Uri? baseUrl = null) => SiteBuilder.Build(Options(baseUrl));

    public string SitePath(string relative) => Path.Combine(Site, relative);

    public string ReadSite(string relative) => File.ReadAllText(SitePath(relative), Utf8);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
