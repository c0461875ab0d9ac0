using NewsMirror.Archive;
using NewsMirror.Catalog;

namespace NewsMirror.Publishing.Epub;

/// <summary>One article of a digest: its catalog row and the file's content.</summary>
internal sealed record DigestArticle(CatalogRow Row, ArticleRecord Record, string Directory)
{
    /// <summary>Publication time, or the archiving time for files without one.</summary>
    public long? TimeMs => Row.Published ?? Row.Archived?.ToUnixTimeMilliseconds();
}

/// <summary>One source's part of a digest, newest article first.</summary>
internal sealed record DigestSection(string Name, string Folder, IReadOnlyList<DigestArticle> Articles);

/// <summary>
/// The articles of a period, from the catalog: those published in it, and those without a publication time that were
/// archived in it. Grouped by source (display name) in the order given, each newest first.
/// </summary>
internal static class DigestArticles
{
    public static (List<DigestSection> Sections, List<string> Unreadable) Select(ArchiveCatalog catalog, EpubDigestOptions options)
    {
        var clause = "WHERE coalesce(published, archived) >= $since AND coalesce(published, archived) < $until";
        var parameters = new List<(string, object?)>
        {
            ("$since", options.Since.ToUnixTimeMilliseconds()),
            ("$until", options.Until.ToUnixTimeMilliseconds()),
        };
        if (options.Source is { } source)
        {
            clause += " AND (source = $source OR folder = $source)";
            parameters.Add(("$source", source));
        }
        List<CatalogRow> rows;
        // A scan of the articles table (no index on the times): about a second at 10^6 articles, once per digest.
        lock (catalog.Gate)
            rows = CatalogRows.Query(catalog.Connection, clause + " ORDER BY folder, coalesce(published, archived) DESC, id, file", parameters.ToArray());

        var unreadable = new List<string>();
        var sections = new List<DigestSection>();
        // By display name: older archives hold a source under two folders (reuters/ and 路透/), one part of the book.
        foreach (var group in rows.GroupBy(r => r.Source, StringComparer.Ordinal))
        {
            var articles = new List<DigestArticle>();
            foreach (var row in group)
            {
                var directory = CatalogPaths.Directory(catalog.Paths, row.Folder);
                var text = ArchivedText.Read(row.Folder, Path.Combine(directory, row.File));
                if (text.Record is { } record) articles.Add(new DigestArticle(row, record, directory));
                else unreadable.Add($"{row.RelativePath}: {text.Problem}");
            }
            // Newest first; the query's order (folder, then time) keeps ties stable.
            articles = articles.OrderByDescending(a => a.TimeMs ?? long.MinValue).ToList();
            if (articles.Count > 0) sections.Add(new DigestSection(group.Key, articles[0].Row.Folder, articles));
        }
        var order = options.SourceOrder.Select((name, index) => (name, index)).DistinctBy(s => s.name).ToDictionary(s => s.name, s => s.index);
        return (sections.OrderBy(s => order.GetValueOrDefault(s.Name, int.MaxValue)).ThenBy(s => s.Folder, StringComparer.Ordinal).ToList(), unreadable);
    }
}
