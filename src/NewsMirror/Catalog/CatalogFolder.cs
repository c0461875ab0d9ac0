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

    /// <summary>The folder's newest rows, read at the first look-up; <see cref="_recentChanges"/> is the folder's change count they were read at.</summary>
    private RecentRows? _recent;
    private long _recentChanges;
    private readonly Lock _recentGate = new();

    /// <summary>How many article files the folder holds, when <see cref="_recent"/> was read from the log's tail (deferred folders); else null.</summary>
    private int? _tailFiles;

    internal CatalogFolder(ArchiveCatalog catalog, string name, string path)
    {
        _catalog = catalog;
        Name = name;
        Path = path;
    }

    public string Name { get; }
    public string Path { get; }
    public ArchiveCatalog Catalog => _catalog;
    public int Count
    {
        get
        {
            lock (_recentGate)
                if (Tail() is not null) return _tailFiles!.Value + _written.Count;
            return _catalog.Count(Name) + _written.Count;
        }
    }

    public long SmallestId
    {
        get
        {
            lock (_recentGate)
                if (Tail() is { Complete: true } tail)
                    return Math.Min(tail.Rows.Count == 0 ? EmptyFolderId : tail.Rows[0].Id ?? EmptyFolderId, _written.Count == 0 ? long.MaxValue : _written.Min());
            _catalog.BuildDeferredFolders();
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
        // Answered from the folder's newest rows where they can (no query, no wait for the catalog's gate); the
        // catalog's indexes are asked only for an item not among them in a folder that holds more.
        var linkKey = LinkKey.Of(link);
        lock (_recentGate)
        {
            var recent = Recent();
            if (guid is not null && recent.ByGuid(guid) is { } byGuid) return byGuid;
            if (recent.Complete || guid is null)
            {
                if (recent.ByLink(linkKey, guid, title) is { } byLink) return byLink;
                if (recent.Complete) return recent.ByTitle(RecentForTitleMatch, title, timestampMs);
            }
        }
        // Not among the newest rows of a folder that holds more: with deferred folders only the built catalog can tell.
        _catalog.BuildDeferredFolders();
        lock (_catalog.Gate)
        {
            // INDEXED BY: without it SQLite prefers the (folder, id) index for the ORDER BY and scans the whole folder.
            if (guid is not null && First("INDEXED BY articles_guid WHERE folder = $folder AND guid = $value", guid) is { } byGuid) return byGuid;
            // Two guids sharing a link are two articles (an FT-style feed); a link match across different guids is taken
            // only under the same title, where the guid changed but the article did not.
            if (CatalogRows.Query(_catalog.Connection,
                    "INDEXED BY articles_link WHERE folder = $folder AND link_key = $value AND ($guid IS NULL OR guid IS NULL OR title = $title) ORDER BY id, file LIMIT 1",
                    ("$folder", Name), ("$value", linkKey), ("$guid", guid), ("$title", title)).FirstOrDefault() is { } byLink) return byLink;
        }
        // The same-title-and-time match looks only at the newest rows, which are all held.
        lock (_recentGate) return Recent().ByTitle(RecentForTitleMatch, title, timestampMs);
    }

    /// <summary>
    /// Records what the source gave for an archived article whose earlier version is not known (see
    /// <see cref="ArchiveCatalog.RememberSeen"/>); later look-ups return the row with it.
    /// </summary>
    public void RememberSeen(CatalogRow row, string title, string seenHash)
    {
        // Kept by the catalog's rows only (no log line), so they must exist.
        _catalog.BuildDeferredFolders();
        lock (_recentGate)
        lock (_catalog.Gate)
        {
            bool current = _recent is not null && _recentChanges == _catalog.ChangesOf(Name);
            _catalog.RememberSeen(Name, row.File, title, seenHash);
            if (!current) return;
            _recent!.Replace(row with { SeenTitle = title, SeenHash = seenHash });
            _recentChanges = _catalog.ChangesOf(Name);
        }
    }

    /// <summary>The folder's newest rows, read again when the catalog changed the folder since; the caller holds <see cref="_recentGate"/>.</summary>
    private RecentRows Recent()
    {
        if (_recent is not null && _recentChanges == _catalog.ChangesOf(Name)) return _recent;
        if (_catalog.Deferred)
        {
            var changes = _catalog.ChangesOf(Name);
            if (LogTailRows.Read(_catalog, Name) is var (rows, files))
            {
                (_recentChanges, _tailFiles) = (changes, files);
                return _recent = rows;
            }
            // The tail does not settle the newest rows: they come from the built catalog.
            _catalog.BuildDeferredFolders();
        }
        lock (_catalog.Gate)
        {
            _recentChanges = _catalog.ChangesOf(Name);
            _tailFiles = null;
            return _recent = RecentRows.Load(_catalog.Connection, Name);
        }
    }

    /// <summary>The newest rows when they were read from the log's tail (deferred folders); the caller holds <see cref="_recentGate"/>.</summary>
    private RecentRows? Tail()
    {
        if (!_catalog.Deferred && _tailFiles is null) return null;
        var recent = Recent();
        return _tailFiles is null ? null : recent;
    }

    public bool HasId(long id)
    {
        if (_written.Contains(id)) return true;
        lock (_recentGate)
            if (Tail() is { Complete: true } tail) return tail.Rows.Any(row => row.Id == id);
        _catalog.BuildDeferredFolders();
        lock (_catalog.Gate)
            return Convert.ToInt64(CatalogSql.Scalar(_catalog.Connection, "SELECT EXISTS(SELECT 1 FROM articles WHERE folder = $folder AND id = $id)",
                ("$folder", Name), ("$id", id))) == 1;
    }

    /// <summary>Newest first, i.e. by ascending id (then name: one id can exist under two names in old folders).</summary>
    public IEnumerable<StoredArticle> Newest(int count)
    {
        lock (_recentGate)
            if (Tail() is { } tail && (tail.Complete || count <= tail.Rows.Count)) return tail.Rows.Take(count).Select(Stored).ToList();
        _catalog.BuildDeferredFolders();
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
