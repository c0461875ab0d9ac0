using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsMirror.Archive;

namespace NewsMirror.Running;

/// <summary>
/// One writer per archive: <c>.newsmirror/lock</c>, created with <see cref="FileMode.CreateNew"/> and holding the
/// writer's PID, host and start time. A lock is stale — and taken over — when its process is gone from this host
/// (or its PID now belongs to a younger process), or when it is older than <see cref="StaleAfter"/>.
/// Released on dispose and, as a last resort, when the process exits (Ctrl+C, SIGTERM).
/// </summary>
public sealed class ArchiveLock : IDisposable
{
    /// <summary>No run takes this long; a lock this old is left over from another machine sharing the folder.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long an empty or unreadable lock file may be mid-write before it counts as stale.</summary>
    private static readonly TimeSpan UnreadableGrace = TimeSpan.FromSeconds(10);

    /// <summary>A takeover guard older than this was left by a process that died while taking over.</summary>
    private static readonly TimeSpan TakeoverGrace = TimeSpan.FromSeconds(30);

    /// <summary>A live writer's temp file is written and renamed within moments; one left this long is abandoned.</summary>
    private static readonly TimeSpan TempFileQuietFor = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly EventHandler _onExit;
    private int _released;

    private ArchiveLock(string path, ArchiveLockHolder holder)
    {
        _path = path;
        Holder = holder;
        _onExit = (_, _) => Dispose();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    public ArchiveLockHolder Holder { get; }

    /// <summary>Takes the archive's lock, waiting up to <paramref name="wait"/> while another live writer holds it.</summary>
    /// <exception cref="ArchiveLockedException">Still held by another writer when the wait ran out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired while waiting.</exception>
    public static ArchiveLock Acquire(ArchivePaths paths, TimeSpan wait, CancellationToken cancel, string command = "newsmirror")
    {
        Directory.CreateDirectory(paths.StateFolder);
        var timer = Stopwatch.StartNew();
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var mine = new ArchiveLockHolder(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow, command, Guid.NewGuid().ToString("N"));
            if (TryCreate(paths.LockFile, mine))
            {
                DeleteTempFilesOfDeadWriters(paths);
                return new ArchiveLock(paths.LockFile, mine);
            }

            var holder = Read(paths.LockFile, out var vanished);
            if (vanished) continue;
            if (IsStale(paths.LockFile, holder) && TakeOver(paths.LockFile, holder))
            {
                MarkInterrupted(paths, holder);
                continue;
            }
            var left = wait - timer.Elapsed;
            if (left <= TimeSpan.Zero) throw new ArchiveLockedException(paths.LockFile, holder, timer.Elapsed);
            cancel.WaitHandle.WaitOne(left < PollInterval ? left : PollInterval);
        }
    }

    /// <summary>
    /// A writer killed mid-write leaves the hidden temp file of a lock, marker, README or .gitignore in the state
    /// folder or the root, where no later write would ever replace it. Only the lock's holder writes there; a process
    /// waiting for the lock writes only the lock's temp file, and only while it tries to create it. So a temp file older
    /// than this process, or untouched for <see cref="TempFileQuietFor"/>, is a dead writer's. The second rule matters
    /// to long-lived processes (watch, a test host), which would otherwise never clear what died while they ran.
    /// </summary>
    private static void DeleteTempFilesOfDeadWriters(ArchivePaths paths) =>
        DeleteTempFilesOfDeadWriters(paths, DateTime.UtcNow, Process.GetCurrentProcess().StartTime.ToUniversalTime());

    /// <summary>The rule above at a given moment, for a process started at <paramref name="processStarted"/> (UTC).</summary>
    internal static void DeleteTempFilesOfDeadWriters(ArchivePaths paths, DateTime now, DateTime processStarted)
    {
        var quietSince = now - TempFileQuietFor;
        var cutoff = processStarted > quietSince ? processStarted : quietSince;
        foreach (var folder in new[] { paths.Root, paths.StateFolder })
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
                if (AtomicFile.IsTempFile(file) && File.GetLastWriteTimeUtc(file) < cutoff) TryDelete(file);
    }

    /// <summary>The dead writer may have left files uncommitted; the marker tells the next commit to look for them.</summary>
    private static void MarkInterrupted(ArchivePaths paths, ArchiveLockHolder? holder) =>
        AtomicFile.WriteAllText(paths.InterruptedMarker, holder is null ? "" : Serialize(holder));

    private static string Serialize(ArchiveLockHolder holder) => JsonSerializer.Serialize(holder, ArchiveLockJson.Default.ArchiveLockHolder);

    /// <summary>Who holds the archive now, if anyone (a stale lock is reported as it is).</summary>
    public static ArchiveLockHolder? Current(ArchivePaths paths) => Read(paths.LockFile, out _);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        // Delete only our own lock: after a takeover (we were judged stale) the file is someone else's.
        if (Read(_path, out _)?.Token == Holder.Token) TryDelete(_path);
    }

    /// <summary>
    /// The lock appears complete or not at all (written beside it, then moved into place without replacing),
    /// so a writer killed at any moment never leaves an empty lock that others would have to wait out.
    /// </summary>
    private static bool TryCreate(string path, ArchiveLockHolder holder) =>
        AtomicFile.TryCreateNew(path, Encoding.UTF8.GetBytes(Serialize(holder)));

    /// <summary>null when the file is missing (<paramref name="vanished"/>), empty or unreadable.</summary>
    private static ArchiveLockHolder? Read(string path, out bool vanished)
    {
        vanished = false;
        try { return JsonSerializer.Deserialize(File.ReadAllText(path), ArchiveLockJson.Default.ArchiveLockHolder); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { vanished = true; return null; }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return null; }
    }

    private static bool IsStale(string path, ArchiveLockHolder? holder)
    {
        if (holder is null) return DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > UnreadableGrace;
        if (DateTimeOffset.UtcNow - holder.Started > StaleAfter) return true;
        return holder.Host == Environment.MachineName && !IsRunning(holder.Pid, holder.Started);
    }

    private static bool IsRunning(int pid, DateTimeOffset lockedAt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            // A process that started after the lock was written reuses the PID of the one that wrote it.
            return process.StartTime.ToUniversalTime() <= lockedAt.UtcDateTime.AddSeconds(1);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    /// <summary>
    /// Deletes a stale lock under a short-lived guard, so that two writers judging the same lock stale cannot
    /// each delete it and one of them then delete the other's fresh lock.
    /// </summary>
    /// <returns>False while another writer is taking over; true when it is worth trying to create the lock again.</returns>
    private static bool TakeOver(string path, ArchiveLockHolder? stale)
    {
        var guard = path + ".takeover";
        FileStream stream;
        try { stream = new FileStream(guard, FileMode.CreateNew, FileAccess.Write); }
        catch (IOException) when (File.Exists(guard))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(guard) <= TakeoverGrace) return false;
            TryDelete(guard);
            return true;
        }
        stream.Dispose();
        try
        {
            var now = Read(path, out var vanished);
            if (!vanished && now?.Token == stale?.Token && IsStale(path, now)) TryDelete(path);
            return true;
        }
        finally
        {
            TryDelete(guard);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}

/// <summary>Source-generated: every run reads and writes the lock, and reflection-based JSON costs start-up time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ArchiveLockHolder))]
internal sealed partial class ArchiveLockJson : JsonSerializerContext;
