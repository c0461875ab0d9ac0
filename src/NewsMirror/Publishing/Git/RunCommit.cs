using System.Diagnostics;
using NewsMirror.Archive;
using NewsMirror.Sources;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// The commit of a run: the files it wrote and — when the writer before it died (the interrupted marker is
/// there) — whatever that writer left uncommitted, under a message that says which is which. The marker is
/// removed only once that commit is made, so a run killed before it leaves the work for the next one.
/// </summary>
public sealed class RunCommit(GitRepository git, ArchivePublisher publisher, ArchivePaths paths, ArchiveLayout layout, IReadOnlyList<SourceConfig> sources)
{
    /// <summary>Told what happens (recovery steps).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>How long a live process holding one of git's lock files is waited for during recovery.</summary>
    public TimeSpan GitLockWait { get; init; } = StaleGitLocks.DefaultWait;

    /// <summary>
    /// The repository holding the archive, committing as <paramref name="author"/> (else git's configured user, else
    /// NewsMirror's default); null when the archive is not inside a git working tree.
    /// </summary>
    /// <param name="author">"Name &lt;email&gt;"; null: git's configured user, else NewsMirror's default.</param>
    /// <param name="signingKey">An SSH key file to sign commits with (<c>~/</c>: the home folder; relative: to the archive root); null: git's configuration decides.</param>
    /// <exception cref="FormatException">The author is not "Name &lt;email&gt;".</exception>
    /// <exception cref="FileNotFoundException">The signing key file is not there.</exception>
    public static async Task<GitRepository?> OpenRepositoryAsync(ArchivePaths paths, string? author, Action<string>? trace, CancellationToken cancel, string? signingKey = null)
    {
        var identity = author is null ? null : GitIdentity.Parse(author);
        var key = signingKey is null ? null : SigningKeyPath(paths, signingKey);
        var probe = new GitRepository(paths.Root);
        if (!await probe.IsWorkTreeAsync(cancel)) return null;
        if (identity is null && !await probe.HasConfiguredUserAsync(cancel)) identity = GitIdentity.Default;
        return new GitRepository(paths.Root) { Identity = identity, Trace = trace, SigningKey = key };
    }

    private static string SigningKeyPath(ArchivePaths paths, string configured)
    {
        var path = configured == "~" || configured.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), configured.TrimStart('~').TrimStart('/'))
            : Path.GetFullPath(configured, paths.Root);
        return File.Exists(path) ? path : throw new FileNotFoundException($"no SSH key at {path}", path);
    }

    /// <summary>Commits the run's <paramref name="files"/> and any an interrupted run left.</summary>
    /// <param name="archived">Display name and number of new articles, per source.</param>
    /// <param name="failed">Display name and error of each source that failed.</param>
    /// <returns>The commit (null when nothing changed) and its message.</returns>
    /// <exception cref="GitException">git failed, or a live process kept a git lock file past the wait.</exception>
    public async Task<(string? Commit, string Message)> CommitAsync(IReadOnlyCollection<string> files,
        IEnumerable<(string Name, int New)> archived, IEnumerable<(string Name, string Error)> failed, CancellationToken cancel)
    {
        var interrupted = File.Exists(paths.InterruptedMarker);
        IReadOnlyCollection<string> toCommit = files;
        LeftoverFiles? leftover = null;
        if (interrupted)
        {
            var recovery = new InterruptedRunRecovery(git) { Note = Note, GitLockWait = GitLockWait };
            var ours = files.ToHashSet(StringComparer.Ordinal);
            var left = (await recovery.RecoverAsync(Process.GetCurrentProcess().StartTime.ToUniversalTime(), cancel))
                .Where(f => !ours.Contains(f)).ToList();
            if (left.Count > 0) Note?.Invoke($"committing {left.Count} files the interrupted run wrote");
            leftover = Describe(left);
            toCommit = files.Concat(left).ToList();
        }
        var message = CommitMessage.For(archived, failed, leftover);
        var commit = await publisher.CommitAsync(toCommit, message, cancel);
        // Only once committed: a run killed before this point leaves the marker for the next one.
        if (interrupted) File.Delete(paths.InterruptedMarker);
        return (commit, message);
    }

    /// <summary>How many of <paramref name="files"/> are articles, and of which source where the path tells it.</summary>
    private LeftoverFiles Describe(IReadOnlyList<string> files)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources) names.TryAdd(source.Folder, source.Name);
        var articles = files.Where(IsArticle).ToList();
        IReadOnlyList<(string Name, int Articles)> bySource = layout == ArchiveLayout.Jekyll
            ? []
            : articles.GroupBy(f => f.Split('/')[1], StringComparer.Ordinal)
                .Select(g => (names.GetValueOrDefault(g.Key, g.Key), g.Count()))
                .ToList();
        return new LeftoverFiles(files.Count, articles.Count, bySource);
    }

    /// <summary><c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>, or a post directly under <c>_posts/</c>.</summary>
    private bool IsArticle(string file)
    {
        var parts = file.Split('/');
        return file.EndsWith(".md", StringComparison.Ordinal) && (layout == ArchiveLayout.Jekyll
            ? parts is ["_posts", _]
            : parts is ["articles", _, _]);
    }
}
