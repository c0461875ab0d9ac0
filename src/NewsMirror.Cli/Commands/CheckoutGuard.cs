using NewsMirror.Archive;
using NewsMirror.Running;

namespace NewsMirror.Cli.Commands;

/// <summary>`run` and `watch` never archive into NewsMirror's own source repository (see <see cref="SourceCheckout"/>).</summary>
internal static class CheckoutGuard
{
    /// <summary>False, after saying why, when the archive folder is or lies inside the NewsMirror checkout.</summary>
    public static bool Allows(ArchivePaths paths, CliLog log)
    {
        if (SourceCheckout.Enclosing(paths.Root) is not { } checkout) return true;
        var where = checkout == paths.Root ? "is NewsMirror's own source repository" : $"is inside NewsMirror's own source repository {checkout}";
        log.Error($"refusing to archive into {paths.Root}: it {where}; give the archive a folder of its own, e.g. --archive ~/news-mirror");
        return false;
    }
}
