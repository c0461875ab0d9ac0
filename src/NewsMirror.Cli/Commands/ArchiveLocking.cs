using NewsMirror.Archive;
using NewsMirror.Running;

namespace NewsMirror.Cli.Commands;

/// <summary>Takes the archive's writer lock for a command, saying so when it has to wait.</summary>
internal static class ArchiveLocking
{
    /// <summary>null (after logging why) when another writer kept the archive for longer than <paramref name="waitSeconds"/>.</summary>
    public static ArchiveLock? Acquire(ArchivePaths paths, int waitSeconds, CliLog log, string command, CancellationToken cancel)
    {
        if (waitSeconds > 0 && ArchiveLock.Current(paths) is { } holder)
            log.Info($"the archive is in use by {holder}; waiting up to {waitSeconds} s");
        try
        {
            return ArchiveLock.Acquire(paths, TimeSpan.FromSeconds(waitSeconds), cancel, command);
        }
        catch (ArchiveLockedException e)
        {
            log.Error(e.Message);
            return null;
        }
    }
}
