using System.Diagnostics;
using NewsMirror.Publishing.Site.Removals;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Builds the static reading site of an archive: home, one stream per source, one page per day and per article, Atom
/// feeds, the search index, and what sources removed or edited after archiving. Incremental: see
/// <see cref="IncrementalWriter"/> and <see cref="SiteManifest"/>.
/// </summary>
public static class SiteBuilder
{
    public static SiteBuildReport Build(SiteBuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        options = options with { Sources = options.Sources.DistinctBy(s => s.Folder, StringComparer.Ordinal).ToList() };
        var site = new SiteContext(options);
        var feedBodies = new FeedBodies(site);
        Directory.CreateDirectory(options.OutputDirectory);
        using var previous = SiteManifest.Load(options.OutputDirectory, options.ArchiveRoot);
        var next = new SiteManifest();

        var archive = SiteArticleLoader.Load(options, previous, next);
        var changes = SiteChanges.Load(options, archive);
        var newestFirst = archive.All
            .OrderByDescending(a => a.SortMs)
            .ThenBy(a => a.SourceIndex)
            .ThenBy(a => a.Id)
            .ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();

        var writer = new IncrementalWriter(options.OutputDirectory, previous);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) };
        var index = SiteSearchIndex.Create(site, newestFirst, previous.SearchIndex, writer.IsIntact);
        foreach (var path in index.KeptFiles) writer.Keep(path);
        next.SearchIndex = index.State;
        Parallel.ForEach(index.Files.Concat(ListPages(site, feedBodies, archive, newestFirst, changes)).ToList(), parallel, writer.Publish);
        // Article pages are most of the site: each is fingerprinted (and if need be rendered) on the worker threads.
        var positions = archive.BySource.SelectMany(articles => Enumerable.Range(0, articles.Count).Select(i => (articles, i))).ToList();
        Parallel.ForEach(positions, parallel, position => writer.Publish(ArticlePageAt(site, feedBodies, changes, position.articles, position.i)));
        int deleted = writer.DeleteStalePages();
        writer.RecordInto(next);
        index.SaveOrder(options.OutputDirectory);
        next.Save(options.OutputDirectory, previous);
        feedBodies.Save();

        return new SiteBuildReport(newestFirst.Count, writer.Pages, writer.Rendered, writer.Written, deleted,
            archive.SkippedFiles, clock.Elapsed) { UnmatchedRemovals = changes.Unmatched };
    }

    /// <summary>Every file but the article pages and the search index: assets, home, feeds, day, source and removal pages.</summary>
    private static List<PageJob> ListPages(SiteContext site, FeedBodies feedBodies, SiteArchive archive, List<SiteArticle> newestFirst, SiteChanges changes)
    {
        var pages = SiteAssets.Create().ToList();
        pages.Add(SearchPage.Create(site));
        pages.Add(HomePage.Create(site, newestFirst.Take(site.Options.HomeArticleCount).ToList(), archive.BySource.Select(s => s.Count).ToList()));
        pages.Add(AtomFeed.Create(site, feedBodies, SitePaths.Feed, site.Options.SiteTitle, SitePaths.Home, newestFirst.Take(site.Options.FeedEntryCount).ToList()));
        pages.AddRange(DayPages.Create(site, newestFirst.GroupBy(a => a.Day).ToList()));
        pages.Add(RemovalsPage.Create(site, changes.Removed));
        pages.Add(ChangesFeed.Create(site, changes));
        for (int s = 0; s < archive.BySource.Count; s++)
        {
            var articles = archive.BySource[s];
            var (name, folder) = site.Sources[s];
            pages.AddRange(SourcePages.Create(site, s, articles));
            pages.Add(AtomFeed.Create(site, feedBodies, SitePaths.SourceFeed(folder), name, SitePaths.SourceIndex(folder),
                articles.Take(site.Options.FeedEntryCount).ToList()));
        }
        return pages;
    }

    private static PageJob ArticlePageAt(SiteContext site, FeedBodies feedBodies, SiteChanges changes, IReadOnlyList<SiteArticle> newestFirst, int index) =>
        ArticlePage.Create(site, feedBodies, newestFirst[index], changes.RevisionsOf(newestFirst[index]), changes.RemovalOf(newestFirst[index]),
            older: index + 1 < newestFirst.Count ? newestFirst[index + 1] : null,
            newer: index > 0 ? newestFirst[index - 1] : null);
}
