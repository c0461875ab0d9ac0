using System.Diagnostics;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Builds the static reading site of an archive: home, one stream per source, one page per day and per article, Atom
/// feeds and the search index. Incremental: see <see cref="IncrementalWriter"/> and <see cref="SiteManifest"/>.
/// </summary>
public static class SiteBuilder
{
    public static SiteBuildReport Build(SiteBuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        options = options with { Sources = options.Sources.DistinctBy(s => s.Folder, StringComparer.Ordinal).ToList() };
        var site = new SiteContext(options);
        Directory.CreateDirectory(options.OutputDirectory);
        var previous = SiteManifest.Load(options.OutputDirectory);
        var next = new SiteManifest();

        var archive = SiteArticleLoader.Load(options, previous, next);
        var newestFirst = archive.All
            .OrderByDescending(a => a.SortMs)
            .ThenBy(a => a.SourceIndex)
            .ThenBy(a => a.Id)
            .ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();

        var writer = new IncrementalWriter(options.OutputDirectory, previous);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) };
        Parallel.ForEach(Pages(site, archive, newestFirst), parallel, writer.Publish);
        int deleted = writer.DeleteStalePages();
        writer.RecordInto(next);
        next.Save(options.OutputDirectory, previous);

        return new SiteBuildReport(newestFirst.Count, writer.Pages, writer.Rendered, writer.Written, deleted,
            archive.SkippedFiles, clock.Elapsed);
    }

    private static IEnumerable<PageJob> Pages(SiteContext site, SiteArchive archive, List<SiteArticle> newestFirst)
    {
        var oldestFirst = Enumerable.Reverse(newestFirst).ToList();
        // The search index numbers the articles; it comes first so nothing reads a number before it is set.
        foreach (var file in SearchIndex.Create(site, oldestFirst)) yield return file;
        foreach (var asset in SiteAssets.Create()) yield return asset;
        yield return SearchPage.Create(site);

        var newest = newestFirst.Take(site.Options.HomeArticleCount).ToList();
        yield return HomePage.Create(site, newest, archive.BySource.Select(s => s.Count).ToList());
        yield return AtomFeed.Create(site, SitePaths.Feed, site.Options.SiteTitle,
            SitePaths.Home, newestFirst.Take(site.Options.FeedEntryCount).ToList());

        foreach (var page in DayPages.Create(site, newestFirst.GroupBy(a => a.Day).ToList())) yield return page;

        for (int s = 0; s < archive.BySource.Count; s++)
        {
            var articles = archive.BySource[s];
            var (name, folder) = site.Sources[s];
            foreach (var page in SourcePages.Create(site, s, articles)) yield return page;
            yield return AtomFeed.Create(site, SitePaths.SourceFeed(folder), name,
                SitePaths.SourceIndex(folder), articles.Take(site.Options.FeedEntryCount).ToList());
            for (int i = 0; i < articles.Count; i++)
                yield return ArticlePage.Create(site, articles[i],
                    older: i + 1 < articles.Count ? articles[i + 1] : null,
                    newer: i > 0 ? articles[i - 1] : null);
        }
    }
}
