using Microsoft.Data.Sqlite;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// A folder's newest rows (by id, then file) read in one query, with the identity keys a run looks items up by. A feed's
/// known items are almost always among its folder's newest articles, so a run answers them from memory instead of one
/// query per item. The rows are a prefix of the folder's order, so the first match found here is also the folder's first
/// match; only when nothing matches and the folder holds more than the prefix must the catalog be asked.
/// </summary>
internal sealed class RecentRows
{
    /// <summary>How many of a folder's newest rows are held: several times a large feed, a few milliseconds to read.</summary>
    public const int Limit = 1000;

    private readonly List<CatalogRow> _rows = [];
    private readonly List<long> _rowIds = [];
    private readonly Dictionary<string, int> _firstByGuid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byLinkKey = new(StringComparer.Ordinal);

    private RecentRows() { }

    /// <summary>The prefix is the whole folder: a key not found here is in no row of the folder.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>Reads the newest <see cref="Limit"/> rows of <paramref name="folder"/>; the caller holds the catalog's gate.</summary>
    public static RecentRows Load(SqliteConnection connection, string folder)
    {
        var recent = new RecentRows();
        using var command = CatalogSql.Command(connection, null,
            $"SELECT rowid, link_key, {CatalogRows.Columns} FROM articles WHERE folder = $folder ORDER BY id, file LIMIT {Limit + 1}", ("$folder", folder));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (recent._rows.Count == Limit)
            {
                recent.Complete = false;
                break;
            }
            recent.Add(CatalogRows.Read(reader, 2), reader.GetInt64(0), reader.GetString(1));
        }
        return recent;
    }

    /// <summary>
    /// Rows read elsewhere (a log's tail, <see cref="LogTailRows"/>), already in the folder's order (id, then file);
    /// <paramref name="insertion"/> orders rows of the same title and time as the catalog's insertion order would.
    /// </summary>
    /// <param name="complete">The rows are the whole folder.</param>
    public static RecentRows Of(IReadOnlyList<CatalogRow> rows, IReadOnlyList<long> insertion, bool complete)
    {
        var recent = new RecentRows { Complete = complete };
        for (int i = 0; i < rows.Count; i++) recent.Add(rows[i], insertion[i], LinkKey.Of(rows[i].Link));
        return recent;
    }

    private void Add(CatalogRow row, long rowId, string linkKey)
    {
        int index = _rows.Count;
        _rows.Add(row);
        _rowIds.Add(rowId);
        if (row.Guid is { } guid) _firstByGuid.TryAdd(guid, index);
        if (!_byLinkKey.TryGetValue(linkKey, out var sameLink)) _byLinkKey[linkKey] = sameLink = [];
        sameLink.Add(index);
    }

    /// <summary>The held rows, newest first.</summary>
    public IReadOnlyList<CatalogRow> Rows => _rows;

    /// <summary>The first row with this guid.</summary>
    public CatalogRow? ByGuid(string guid) => _firstByGuid.TryGetValue(guid, out var index) ? _rows[index] : null;

    /// <summary>The first row with this link key whose guid or title allows the match (see <see cref="CatalogFolder.FindRow"/>).</summary>
    public CatalogRow? ByLink(string linkKey, string? guid, string title)
    {
        if (!_byLinkKey.TryGetValue(linkKey, out var sameLink)) return null;
        foreach (var index in sameLink)
        {
            var row = _rows[index];
            if (guid is null || row.Guid is null || row.Title == title) return row;
        }
        return null;
    }

    /// <summary>Among the newest <paramref name="recent"/> rows, the earliest inserted with this title and time (the catalog's own order for such a match).</summary>
    public CatalogRow? ByTitle(int recent, string title, long? published)
    {
        int found = -1;
        for (int i = 0; i < Math.Min(recent, _rows.Count); i++)
            if (_rows[i].Title == title && _rows[i].Published == published && (found < 0 || _rowIds[i] < _rowIds[found])) found = i;
        return found < 0 ? null : _rows[found];
    }

    /// <summary>Replaces the held row of the same file (its seen title and hash were just recorded).</summary>
    public void Replace(CatalogRow row)
    {
        int index = _rows.FindIndex(r => r.File == row.File);
        if (index >= 0) _rows[index] = row;
    }
}
