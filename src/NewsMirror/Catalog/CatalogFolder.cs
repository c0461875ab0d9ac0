using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// One folder of the archive as the catalog knows it: the identity questions a run asks, each one indexed
/// query, so a run costs the same whether the folder holds ten articles or 10^5. Ids are compared as numbers
/// (the reference compared names, which breaks at 999999 vs 1000000).
/// </summary>
public sealed class CatalogFolder : IArchiveFolder
{
    /// <summary>The reference's id for the first article of an empty folder, plus one.</summary>
    public const long EmptyFolderId = ArchiveFolder.EmptyFolderId;

    /// <summary>How many of the newest articles a same-title-and-date match looks at.</summary>
    private const int RecentForTitleMatch = 300;

    private readonly ArchiveCatalog _catalog;

    /// <summary>Ids written since the last catch-up: the catalog learns them from the log lines, until then they are held here.</summary>
    private readonly HashSet<long> _written = [];

    internal CatalogFolder(ArchiveCatalog catalog, string name, string path)
    {
        _catalog = catalog;
        Name = name;
        Path = path;
    }

    public string Name { get; }
    public string Path { get; }
    public ArchiveCatalog Catalog => _catalog;
    public int Count => _catalog.Count(Name) + _written.Count;

    public long SmallestId
    {
        get
        {
            lock (_catalog.Gate)
            {
                var stored = CatalogSql.Scalar(_catalog.Connection, "SELECT min(id) FROM articles WHERE folder = $folder", ("$folder", Name)) is long id ? id : EmptyFolderId;
                return _written.Count == 0 ? stored : Math.Min(stored, _written.Min());
            }
        }
    }

    public StoredArticle? Find(string? guid, string link, string title, long? timestampMs) =>
        FindRow(guid, link, title, timestampMs) is { } row ? Stored(row) : null;

    /// <summary>
    /// The archived article this item is, if any: same guid, else same link (unless both have guids and the titles
    /// differ), else same title and time among the recent ones.
    /// </summary>
    public CatalogRow? FindRow(string? guid, string link, string title, long? timestampMs)
    {
        lock (_catalog.Gate)
        {
            // INDEXED BY: without it SQLite prefers the (folder, id) index for the ORDER BY and scans the whole folder.
            if (guid is not null && First("INDEXED BY articles_guid WHERE folder = $folder AND guid = $value", guid) is { } byGuid) return byGuid;
            // Two guids sharing a link are two articles (an FT-style feed); a link match across different guids is taken
            // only under the same title, where the guid changed but the article did not.
            if (CatalogRows.Query(_catalog.Connection,
                    "INDEXED BY articles_link WHERE folder = $folder AND link_key = $value AND ($guid IS NULL OR guid IS NULL OR title = $title) ORDER BY id, file LIMIT 1",
                    ("$folder", Name), ("$value", LinkKey.Of(link)), ("$guid", guid), ("$title", title)).FirstOrDefault() is { } byLink) return byLink;
            return CatalogRows.Query(_catalog.Connection,
                    $"WHERE rowid IN (SELECT rowid FROM articles WHERE folder = $folder ORDER BY id, file LIMIT {RecentForTitleMatch}) AND title = $title AND published IS $published LIMIT 1",
                    ("$folder", Name), ("$title", title), ("$published", timestampMs))
                .FirstOrDefault();
        }
    }

    public bool HasId(long id)
    {
        if (_written.Contains(id)) return true;
        lock (_catalog.Gate)
            return Convert.ToInt64(CatalogSql.Scalar(_catalog.Connection, "SELECT EXISTS(SELECT 1 FROM articles WHERE folder = $folder AND id = $id)",
                ("$folder", Name), ("$id", id))) == 1;
    }

    /// <summary>Newest first, i.e. by ascending id (then name: one id can exist under two names in old folders).</summary>
    public IEnumerable<StoredArticle> Newest(int count)
    {
        lock (_catalog.Gate)
            return CatalogRows.Query(_catalog.Connection, $"WHERE folder = $folder ORDER BY id, file LIMIT {count}", ("$folder", Name)).Select(Stored).ToList();
    }

    public void Add(StoredArticle article) => _written.Add(article.Id);

    /// <summary>Applies what the folder's log gained (the lines of articles just written, or revisions).</summary>
    public void CatchUp()
    {
        _catalog.CatchUp(Name);
        _written.Clear();
    }

    private static StoredArticle Stored(CatalogRow row) => new(row.Id ?? 0, row.File, row.Published, row.Title, row.Link, row.Guid);

    private CatalogRow? First(string clause, string value) =>
        CatalogRows.Query(_catalog.Connection, clause + " ORDER BY id, file LIMIT 1", ("$folder", Name), ("$value", value)).FirstOrDefault();
}
