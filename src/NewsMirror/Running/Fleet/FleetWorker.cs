using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Bodies;
using NewsMirror.Catalog;
using NewsMirror.Catalog.Postgres;
using NewsMirror.Evidence.Warc;
using NewsMirror.Fetching;
using NewsMirror.Publishing.Git;
using NewsMirror.Running.Watch;
using NewsMirror.Sources;

namespace NewsMirror.Running.Fleet;

/// <summary>What a worker did before it stopped.</summary>
public sealed record WorkerReport(int Batches, int Sources, int Articles, int Abandoned);

/// <summary>
/// <c>newsmirror worker</c>: claims due sources from the shared catalog under a lease, archives them in its own
/// clone with the ordinary pass (<see cref="SourceRunner"/>), commits and pushes them (rebase, else replay; never
/// force), and only then commits the batch in the catalog — states, next polls (<see cref="PollSchedule"/>, as
/// <c>watch</c>), identities — giving the leases back. A batch that fails before that commit is dropped from the
/// clone and the catalog alike; its sources come back when their lease ends (at once when the catalog can be told).
/// </summary>
public sealed class FleetWorker(ArchivePaths paths, ArchiveConfig config, PostgresCatalog shared, GitRepository git, WorkerSettings settings, FetchLimits limits)
{
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Told what happens (claims, pushes, abandoned batches).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>Told of each source as its batch is committed.</summary>
    public IProgress<SourceReport>? Progress { get; init; }

    /// <exception cref="CatalogUnreachableException">The catalog was lost: the batch in hand was abandoned cleanly.</exception>
    public async Task<WorkerReport> RunAsync(CancellationToken cancel)
    {
        var layout = ArchiveLayouts.Of(config.Settings.Layout);
        if (!layout.FolderPerSource)
            throw new InvalidOperationException($"newsmirror worker needs the duty layout (layout: duty in {SourcesFile.DefaultName}): the {config.Settings.Layout.ToString().ToLowerInvariant()} layout keeps every source in one folder, whose ids a lease on one source cannot guard; archive it with run or watch");
        var started = DateTimeOffset.UtcNow;
        var sources = config.Sources.Where(s => s.Enabled).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var sync = new CloneSync(git, paths);
        var publisher = new ArchivePublisher(git, paths, config.Settings.Layout, config.Sources)
        {
            Note = Note,
            WriteReplay = new RunReplayWriter(paths, config.Settings.Layout, config.Sources, TimeProvider.System).Write,
        };
        await shared.HeartbeatAsync(Name, started, cancel);
        await shared.RegisterSourcesAsync(config.Sources, cancel);
        await sync.RecoverAsync(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime(), cancel);
        await sync.ToRemoteTipAsync(cancel);
        var captures = await WorkerCaptures.OpenAsync(paths, git, config.Settings.Raw, cancel);
        await PublishIgnoreLineAsync(publisher, sync, captures.Raw, cancel);
        using var local = ArchiveCatalog.Open(paths, config.Sources, layout);

        int batches = 0, done = 0, articles = 0, abandoned = 0;
        while (settings.MaxSources is not { } max || done < max)
        {
            cancel.ThrowIfCancellationRequested();
            await shared.HeartbeatAsync(Name, started, cancel);
            var room = settings.MaxSources is { } limit ? Math.Min(settings.BatchSize, limit - done) : settings.BatchSize;
            var claimed = await shared.ClaimAsync(Name, settings.Lease, room, sources.Keys, cancel);
            if (claimed.Count == 0)
            {
                // Sources another worker holds are still due: a --once fleet also finishes a dead worker's sources.
                if (settings.Once && await shared.DueCountAsync(sources.Keys, cancel) == 0) break;
                await IdleAsync(sources.Keys, cancel);
                continue;
            }
            Note?.Invoke($"claimed {claimed.Count}: {string.Join(", ", claimed)}");
            var outcome = await new WorkerBatch(paths, config.Sources.Where(s => s.Enabled).ToList(), layout, shared, publisher, sync, settings, limits, Name) { Note = Note, Captures = captures }
                .RunAsync(local, claimed.Select(n => sources[n]).ToList(), cancel);
            batches++;
            if (outcome is null)
            {
                abandoned++;
                continue;
            }
            done += outcome.Count;
            articles += outcome.Sum(r => r.New);
            foreach (var report in outcome) Progress?.Report(report);
        }
        return new WorkerReport(batches, done, articles, abandoned);
    }

    /// <summary>Sleeps until the next source is due (or a lease ends), at most <see cref="WorkerSettings.MaxIdle"/>.</summary>
    private async Task IdleAsync(IReadOnlyCollection<string> names, CancellationToken cancel)
    {
        var next = await shared.NextDueAsync(names, cancel);
        var wait = next is { } at ? at - DateTimeOffset.UtcNow : settings.MaxIdle;
        if (wait > settings.MaxIdle) wait = settings.MaxIdle;
        if (wait < TimeSpan.FromMilliseconds(100)) wait = TimeSpan.FromMilliseconds(100);
        await Task.Delay(wait, cancel);
    }

    /// <summary>
    /// The local catalog (and, under <c>raw: local</c>, the raw captures) must not show as untracked in any clone: a
    /// repository that lacks the lines gets them from the first worker.
    /// </summary>
    private async Task PublishIgnoreLineAsync(ArchivePublisher publisher, CloneSync sync, RawCapture raw, CancellationToken cancel)
    {
        if (!ArchiveGitIgnore.Ensure(paths, raw == RawCapture.Local ? [ArchiveCatalog.IgnorePattern, WarcFolder.IgnorePattern] : [ArchiveCatalog.IgnorePattern])) return;
        await publisher.CommitAsync([paths.Relative(ArchiveGitIgnore.PathIn(paths))], "Ignore the local catalog", cancel);
        // The fleet meets on the first remote of push: (the one caught up with); the others are mirrors.
        if (!(await publisher.PushAsync(cancel))[0].Pushed) await sync.ToRemoteTipAsync(cancel);
    }
}
