using NewsMirror.Identity;
using NewsMirror.Archive.Layouts.DutyMachine;
namespace NewsMirror.Archive;

/// <summary>
/// One <c>articles/&lt;folder&gt;/</c> folder: the articles it holds and the rules for adding to it.
/// Ids are compared as numbers (the reference compared names, which breaks at 999999 vs 1000000).
/// </summary>
public sealed class ArchiveFolder : IArchiveFolder
{
    /// <summary>The reference's id for the first article of an empty folder, plus one.</summary>
    public const long EmptyFolderId = 0xFFFFF;

    /// <summary>How many of the newest articles a same-title-and-date match looks at.</summary>
    private const int RecentForTitleMatch = 300;

    private readonly List<StoredArticle> _articles;
    private readonly HashSet<string> _guids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _links = new(StringComparer.Ordinal);
    private readonly HashSet<long> _ids = [];

    internal ArchiveFolder(string name, string path, List<StoredArticle> articles)
    {
        Name = name;
        Path = path;
        _articles = articles;
        foreach (var article in articles) Remember(article);
    }

    public string Name { get; }
    public string Path { get; }
    public int Count => _articles.Count;
    public long SmallestId => _ids.Count == 0 ? EmptyFolderId : _ids.Min();

    /// <summary>Lists the folder and joins what the identity log knows; only files the log lacks are read.</summary>
    public static ArchiveFolder Load(ArchivePaths paths, string folder)
    {
        var path = paths.ArticlesFolder(folder);
        var logged = new Dictionary<string, IdentityLogEntry>(StringComparer.Ordinal);
        foreach (var entry in IdentityLog.Read(paths.IdentityLog(folder))) logged[entry.File] = entry;

        var articles = new List<StoredArticle>();
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path))
            {
                var name = System.IO.Path.GetFileName(file);
                if (!ArticleFileName.TryParse(name, out var parsed)) continue;
                var id = parsed.Id;
                if (logged.TryGetValue(name, out var known))
                {
                    articles.Add(new StoredArticle(id, name, known.Published, known.Title, known.Link, known.Guid));
                    continue;
                }
                // An unreadable file still holds its id: it must never be handed out again.
                var header = ReadHeader(file) ?? new ArticleHeader(null, "", "");
                articles.Add(new StoredArticle(id, name, header.TimestampMs, header.Title, header.Link, null));
            }
        }
        articles.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new ArchiveFolder(folder, path, articles);
    }

    /// <summary>The archived article this item is, if any: same guid, else same link, else same title and time among the recent ones.</summary>
    public StoredArticle? Find(string? guid, string link, string title, long? timestampMs)
    {
        if (guid is not null && _guids.Contains(guid)) return _articles.First(a => a.Guid == guid);
        var key = LinkKey.Of(link);
        // Two guids sharing a link are two articles; a link match across different guids is taken only under the same title.
        if (_links.Contains(key) && _articles.FirstOrDefault(a => LinkKey.Of(a.Link) == key && (guid is null || a.Guid is null || a.Title == title)) is { } byLink)
            return byLink;
        return _articles.Take(RecentForTitleMatch).FirstOrDefault(a => a.Title == title && a.TimestampMs == timestampMs);
    }

    public bool HasId(long id) => _ids.Contains(id);

    /// <summary>Newest first, i.e. by ascending id.</summary>
    public IEnumerable<StoredArticle> Newest(int count) => _articles.Take(count);

    public void Add(StoredArticle article)
    {
        var at = _articles.FindIndex(a => a.Id > article.Id);
        _articles.Insert(at < 0 ? _articles.Count : at, article);
        Remember(article);
    }

    private void Remember(StoredArticle article)
    {
        if (article.Guid is not null) _guids.Add(article.Guid);
        _links.Add(LinkKey.Of(article.Link));
        _ids.Add(article.Id);
    }

    private static ArticleHeader? ReadHeader(string file)
    {
        try { return ArticleFile.ReadHeader(file); }
        catch (Exception e) when (e is FormatException or IOException) { return null; }
    }
}
