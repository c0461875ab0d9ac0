using NewsMirror.Identity;

namespace NewsMirror.Selection;

/// <summary>
/// Tells whether an item repeats an earlier one of the same document, by the archive's identity rule
/// (<see cref="IArchiveFolder.Find"/>): the same guid; else the same link (as <see cref="LinkKey"/> compares
/// links) unless both items have guids and their titles differ — two guids sharing a link are two articles.
/// </summary>
internal sealed class DocumentDuplicates
{
    private readonly Dictionary<string, int> _byGuid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Position, bool HasGuid, string Title)>> _byLink = new(StringComparer.Ordinal);

    /// <summary>The reason an item at <paramref name="position"/> is a repeat, or null after remembering it as a new article.</summary>
    public string? Check(int position, string? guid, string link, string title)
    {
        var id = string.IsNullOrWhiteSpace(guid) ? null : guid.Trim();
        if (id is not null && _byGuid.TryGetValue(id, out var sameGuid))
            return $"duplicate of item {sameGuid} of the feed (same guid)";
        var key = LinkKey.Of(link);
        if (_byLink.TryGetValue(key, out var sameLink))
        {
            foreach (var earlier in sameLink)
                if (id is null || !earlier.HasGuid || earlier.Title == title) return $"duplicate of item {earlier.Position} of the feed (same link)";
        }
        else _byLink[key] = sameLink = [];
        sameLink.Add((position, id is not null, title));
        if (id is not null) _byGuid[id] = position;
        return null;
    }
}
