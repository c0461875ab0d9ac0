using NewsMirror.Archive;
using NewsMirror.Archive.Layouts;
using NewsMirror.Catalog;
using NewsMirror.Sources;

namespace NewsMirror.Running.Watch;

/// <summary>
/// <c>watch</c>'s loop: sleeps until a source is due, takes the archive's writer lock, runs the due sources as one
/// round, records each one's next poll (<see cref="PollSchedule"/>) in the catalog and releases the lock — so a
/// <c>run</c> can write between rounds. Ends only by cancellation (<see cref="OperationCanceledException"/>).
/// </summary>
public sealed class WatchLoop(ArchivePaths paths, ArchiveLayout layout, IReadOnlyList<SourceConfig> sources, PollSettings settings, TimeProvider clock)
{
    /// <summary>How long a round waits for another writer before it is put off.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a round that could not get the lock is put off.</summary>
    public TimeSpan LockedRetry { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Told when a round is put off because another writer kept the archive.</summary>
    public Action<ArchiveLockedException>? Locked { get; init; }

    /// <summary>Told of each source's next poll after its round.</summary>
    public Action<SourceConfig, DateTimeOffset>? Scheduled { get; init; }

    /// <param name="round">Archives the due sources; called with the writer lock held.</param>
    public async Task RunAsync(Func<IReadOnlyList<SourceConfig>, CancellationToken, Task> round, CancellationToken cancel)
    {
        var due = LoadSchedule();
        while (true)
        {
            var now = clock.GetUtcNow();
            var dueNow = sources.Where(s => due[s.Name] <= now).ToList();
            if (dueNow.Count > 0)
            {
                try
                {
                    using (await Task.Run(() => ArchiveLock.Acquire(paths, LockWait, cancel, "newsmirror watch"), cancel))
                    {
                        await round(dueNow, cancel);
                        Reschedule(dueNow, due);
                    }
                }
                catch (ArchiveLockedException e)
                {
                    Locked?.Invoke(e);
                    var retry = clock.GetUtcNow() + LockedRetry;
                    foreach (var source in dueNow) due[source.Name] = retry;
                }
            }
            var wake = due.Values.Min();
            var sleep = wake - clock.GetUtcNow();
            if (sleep > TimeSpan.Zero) await Task.Delay(sleep, clock, cancel);
            cancel.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Where the catalog recorded a next poll (a previous watch, or a server's Retry-After), that; else from the state.</summary>
    private Dictionary<string, DateTimeOffset> LoadSchedule()
    {
        using var catalog = ArchiveCatalog.Open(paths, sources, ArchiveLayouts.Of(layout));
        var now = clock.GetUtcNow();
        return sources.ToDictionary(s => s.Name, s =>
        {
            var state = catalog.States.Get(s.Name);
            return state.NextPoll ?? PollSchedule.Next(state, settings, now);
        });
    }

    private void Reschedule(List<SourceConfig> polled, Dictionary<string, DateTimeOffset> due)
    {
        using var catalog = ArchiveCatalog.Open(paths, sources, ArchiveLayouts.Of(layout));
        var now = clock.GetUtcNow();
        foreach (var source in polled)
        {
            var next = PollSchedule.Next(catalog.States.Get(source.Name), settings, now);
            // A source whose poll was not recorded (its round was cut short) must not be polled again at once, in a loop.
            if (next <= now) next = now + settings.Interval;
            catalog.States.Schedule(source.Name, next);
            due[source.Name] = next;
            Scheduled?.Invoke(source, next);
        }
    }
}
