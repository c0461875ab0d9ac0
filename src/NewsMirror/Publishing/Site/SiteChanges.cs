using NewsMirror.Identity;
using NewsMirror.Publishing.Site.Versions;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// What happened to archived articles at their sources, as the site shows it: the revisions recorded in the identity
/// logs and the removals the build was given, each tied to the article it concerns.
/// </summary>
internal sealed class SiteChanges
{
    private readonly Dictionary<(string Folder, string File), List<IdentityLogEntry>> _revisions = [];
    private readonly Dictionary<(string Folder, long Id), SiteRemoval> _removals = [];

    /// <summary>Removed articles with their verdicts, newest verdict first.</summary>
    public List<(SiteArticle Article, SiteRemoval Removal)> Removed { get; private set; } = [];

    /// <summary>Every revision line with its article and version number, newest first.</summary>
    public List<(SiteArticle Article, IdentityLogEntry Line, int Version)> Edits { get; private set; } = [];

    /// <summary>Removals that name no article of the archive (listed in the build report).</summary>
    public List<SiteRemoval> Unmatched { get; } = [];

    /// <exception cref="ArgumentException">A removal's verdict is not one of <see cref="SiteRemoval.Verdicts"/>.</exception>
    public static SiteChanges Load(SiteBuildOptions options, SiteArchive archive)
    {
        var changes = new SiteChanges();
        foreach (var removal in options.Removals)
        {
            if (!SiteRemoval.Verdicts.All.Contains(removal.Verdict))
                throw new ArgumentException($"removal of {removal.Folder}/{removal.ArticleId}: verdict '{removal.Verdict}' is none of " +
                    string.Join(", ", SiteRemoval.Verdicts.All), nameof(options));
            // Of two verdicts on one article, the later one stands.
            var key = (removal.Folder, removal.ArticleId);
            if (!changes._removals.TryGetValue(key, out var other) || other.VerdictTime < removal.VerdictTime) changes._removals[key] = removal;
        }
        var matched = new HashSet<(string, long)>();
        foreach (var (_, folder) in options.Sources)
            foreach (var (file, lines) in RevisionLines.Of(options.ArchiveRoot, folder))
                changes._revisions[(folder, file)] = lines;

        foreach (var article in archive.All)
        {
            if (changes.RemovalOf(article) is { } removal)
            {
                changes.Removed.Add((article, removal));
                matched.Add((article.Folder, article.Id));
            }
            if (changes.RevisionsOf(article) is { } lines)
                for (int i = 1; i < lines.Count; i++) changes.Edits.Add((article, lines[i], i + 1));
        }
        changes.Unmatched.AddRange(changes._removals.Where(r => !matched.Contains(r.Key)).Select(r => r.Value)
            .OrderBy(r => r.Folder, StringComparer.Ordinal).ThenBy(r => r.ArticleId));
        // Ties in a stable order of source, id and file, so the pages and the feed do not reorder between builds.
        changes.Removed = changes.Removed.OrderByDescending(r => r.Removal.VerdictTime).ThenBy(r => r.Article.SourceIndex)
            .ThenBy(r => r.Article.Id).ThenBy(r => r.Article.Slug, StringComparer.Ordinal).ToList();
        changes.Edits = changes.Edits.OrderByDescending(e => e.Line.Archived).ThenBy(e => e.Article.SourceIndex)
            .ThenBy(e => e.Article.Id).ThenBy(e => e.Article.Slug, StringComparer.Ordinal).ThenBy(e => e.Version).ToList();
        return changes;
    }

    public IReadOnlyList<IdentityLogEntry>? RevisionsOf(SiteArticle article) => _revisions.GetValueOrDefault((article.Folder, article.File.FileName));

    public SiteRemoval? RemovalOf(SiteArticle article) => _removals.GetValueOrDefault((article.Folder, article.Id));
}
