using System.Security.Cryptography;
using System.Text;
using NewsMirror.Archive;
using NewsMirror.Catalog;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;
using NewsMirror.Identity;
using NewsMirror.Archive.Layouts.DutyMachine;

namespace NewsMirror.Tests.Catalog;

/// <summary>An archive folder written file by file, for catalog tests that need exact control of files and logs.</summary>
public sealed class TestArchive : IDisposable
{
    public static readonly DateTimeOffset Archived = new(2024, 3, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public TestArchive() => Paths = new ArchivePaths(_folder.Path);

    public ArchivePaths Paths { get; }
    public string Root => Paths.Root;

    public static ArticleRecord Record(string title, string link, long? ms, string body = "<p>正文</p>") => new(ms, title, link, body);

    /// <summary>Writes an article file (and, unless told not to, its log line as a run would).</summary>
    public ArticleRecord Article(string folder, string file, ArticleRecord record, string? guid = null, bool logged = true)
    {
        Write(folder, file, ArticleFile.Render(record));
        if (logged) Log(folder, Entry(file, record, guid));
        return record;
    }

    public static IdentityLogEntry Entry(string file, ArticleRecord record, string? guid = null) =>
        new(ArticleFileName.TryParse(file, out var name) ? name.Id : 0, file, guid, record.Link, record.Title, record.TimestampMs, Archived)
        {
            Hash = ContentHash.Of(record),
        };

    public void Log(string folder, params IdentityLogEntry[] entries) => IdentityLog.Append(Paths.IdentityLog(folder), entries);

    public string Write(string folder, string file, string text)
    {
        var path = Path.Combine(CatalogPaths.Directory(Paths, folder), file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    public ArchiveCatalog Open(IReadOnlyList<SourceConfig>? sources = null) => ArchiveCatalog.Open(Paths, sources ?? BuiltInSources.All);

    /// <summary>SHA-256 of every article file (articles/ and _posts/), to prove a command left them untouched.</summary>
    public Dictionary<string, string> HashArticles() =>
        new[] { Path.Combine(Root, "articles"), Path.Combine(Root, CatalogPaths.JekyllFolder) }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose() => _folder.Dispose();
}
