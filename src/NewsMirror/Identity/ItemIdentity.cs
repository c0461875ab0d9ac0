using System.Security.Cryptography;
using System.Text;
using NewsMirror.Feeds;

namespace NewsMirror.Identity;

/// <summary>How an item is told apart from the others of its feed.</summary>
internal static class ItemIdentity
{
    /// <summary>The guid/id when present, else the link, else a hash of title and content.</summary>
    public static string Create(string? guid, string? link, string? title, string? content)
    {
        if (!string.IsNullOrWhiteSpace(guid))
            return guid.Trim();
        if (!string.IsNullOrWhiteSpace(link))
            return link;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n{content}"));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// Items that share an id but have different links are different articles sharing a guid (a CMS
    /// fault): each gets id + "#" + link so none overwrites another.
    /// </summary>
    public static IReadOnlyList<FeedItem> Disambiguate(IReadOnlyList<FeedItem> items, RecoveryLog log)
    {
        var groups = items.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (groups.Count == 0)
            return items;
        var renamed = new Dictionary<FeedItem, string>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            if (group.Select(i => i.Link).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                log.Add($"id \"{group.Key}\" repeated by {group.Count()} items with different links; told apart by link");
                foreach (var item in group)
                    renamed[item] = item.Link is null ? item.Id : $"{item.Id}#{item.Link}";
            }
            else
                log.Add($"id \"{group.Key}\" repeated by {group.Count()} items");
        }
        return items.Select(i => renamed.TryGetValue(i, out var id) ? i with { Id = id } : i).ToList();
    }
}
