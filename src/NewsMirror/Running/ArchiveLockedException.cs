namespace NewsMirror.Running;

/// <summary>Another writer held the archive for longer than the caller was willing to wait.</summary>
public sealed class ArchiveLockedException(string lockFile, ArchiveLockHolder? holder, TimeSpan waited)
    : Exception($"the archive is in use by {holder?.ToString() ?? "another writer"}; gave up after {waited.TotalSeconds:0} s " +
                $"(wait longer with --wait SECONDS; if that process is gone, delete {lockFile})")
{
    public ArchiveLockHolder? Holder { get; } = holder;
}
