using NewsMirror.Archive;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// When a round of <c>watch</c> rebuilds the site and publishes: only a round that wrote something (a commit whose
/// push failed is pushed by the next such round), or — when the watch commits — a round after a writer died,
/// whose files are still to commit even when the round found nothing new.
/// </summary>
public static class WatchPublishPolicy
{
    public static bool IsDue(ArchivePaths paths, int filesWritten, bool commits) =>
        filesWritten > 0 || (commits && File.Exists(paths.InterruptedMarker));
}
