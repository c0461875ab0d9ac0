using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Publishing.Git;
using NewsMirror.Sources;

namespace NewsMirror.Running;

/// <summary>Writes what a replay hands back (<see cref="ReplayPlan"/>) through the archive stage, as a run would: images, articles with fresh ids, list pages, README.</summary>
public sealed class RunReplayWriter(ArchivePaths paths, ArchiveLayout layout, IReadOnlyList<SourceConfig> sources, TimeProvider clock)
{
    public ReplayWritten Write(ReplayPlan plan)
    {
        var store = new ArticleStore(paths, ArchiveLayouts.Of(layout));
        var warnings = new SourceWarnings();
        var counts = new List<(string Name, int New)>();
        var files = new List<string>();
        // Images are named by their content hash: one the other side stored too is the same file.
        foreach (var asset in plan.Assets)
        {
            var path = Path.Combine(paths.Root, asset.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.TryCreateNew(path, asset.Content);
            files.Add(asset.Path);
        }
        foreach (var (source, folder, articles) in plan.Sources)
        {
            var (written, writtenFiles) = store.Write(source, folder, articles, clock.GetUtcNow(), warnings);
            if (store.WriteList(source, folder) is { } list) writtenFiles.Add(list);
            counts.Add((source.Name, written));
            files.AddRange(writtenFiles);
        }
        if (counts.Any(c => c.New > 0) && ArchiveIndexPages.UpdateReadme(paths, sources.Where(s => s.Enabled).ToList()))
            files.Add(paths.Relative(paths.Readme));
        return new ReplayWritten(counts, files, warnings.ToList());
    }
}
