using NewsMirror.Archive;
using NewsMirror.Running;

namespace NewsMirror.Cli.Commands;

/// <summary>Takes the archive's writer lock for a command, saying so when it has to wait.</summary>
internal static class ArchiveLocking
{
    /// <summary>
    /// The lock, or (after logging why) the exit code to end with: <see cref="ExitCodes.Locked"/> when another writer
    /// kept the archive for longer than <paramref name="waitSeconds"/>, <see cref="ExitCodes.SomeFailed"/> when the
    /// archive cannot be written at all (read-only, full).
    /// </summary>
    public static (ArchiveLock? Lock, int ExitCode) Acquire(ArchivePaths paths, int waitSeconds, CliLog log, string command, CancellationToken cancel)
    {
        if (waitSeconds > 0 && ArchiveLock.Current(paths) is { } holder)
            log.Info($"the archive is in use by {holder}; waiting up to {waitSeconds} s");
        try
        {
            return (ArchiveLock.Acquire(paths, TimeSpan.FromSeconds(waitSeconds), cancel, command), ExitCodes.Ok);
        }
        catch (ArchiveLockedException e)
        {
            log.Error(e.Message);
            return (null, ExitCodes.Locked);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"cannot write to the archive (taking its writer lock failed): {e.Message}");
            return (null, ExitCodes.SomeFailed);
        }
    }
}
