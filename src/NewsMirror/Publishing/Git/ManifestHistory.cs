using System.Text;
using NewsMirror.Archive;
using NewsMirror.Evidence.Manifests;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// What the chain alone cannot show, read from the branch's history: the chain proves no line was changed or taken
/// out <em>before</em> the last one, but cutting lines off the end leaves a shorter valid chain. Every commit
/// NewsMirror makes only appends one line; so a commit that removed or rewrote a manifest line is named, and the
/// line the latest such commit added must still be in the manifests.
/// </summary>
public static class ManifestHistory
{
    /// <summary>Problems found in the first-parent history of HEAD; none outside a git working tree or before the first line.</summary>
    public static async Task<IReadOnlyList<ManifestProblem>> CheckAsync(ArchivePaths paths, CancellationToken cancel)
    {
        var git = new GitRepository(paths.Root);
        if (!await git.IsWorkTreeAsync(cancel) || (await git.RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancel: cancel)) is not { Ok: true })
            return [];
        var log = await git.CheckedAsync(["-c", "core.quotepath=false", "log", "--first-parent", "--format=commit %H", "--unified=0", "--no-renames",
            "--no-color", "--no-ext-diff", "-p", "HEAD", "--", ManifestFiles.FolderName], cancel: cancel);
        var problems = new List<ManifestProblem>();
        string? commit = null;
        string? newest = null;
        string? newestAdded = null;
        var removed = 0;
        void Close()
        {
            if (commit is not null && removed > 0)
                problems.Add(new ManifestProblem($"commit {commit[..12]}", null, $"removed or rewrote {removed} manifest line(s); NewsMirror only appends"));
        }
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith("commit ", StringComparison.Ordinal))
            {
                Close();
                commit = line["commit ".Length..].Trim();
                removed = 0;
                newest ??= commit;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal)) { }
            else if (line.StartsWith('+') && commit == newest) newestAdded = line[1..];
            else if (line.StartsWith('-')) removed++;
        }
        Close();
        if (newest is not null && newestAdded is not null && !StillThere(paths, newestAdded))
            problems.Add(new ManifestProblem($"commit {newest[..12]}", null,
                "the line this commit added is no longer in the manifests: lines at the end were removed or changed"));
        return problems;
    }

    private static bool StillThere(ArchivePaths paths, string line)
    {
        var wanted = Encoding.UTF8.GetBytes(line);
        return ManifestFiles.InOrder(paths).SelectMany(ManifestRecord.ReadFile).Any(r => r.Bytes.AsSpan().SequenceEqual(wanted));
    }
}
