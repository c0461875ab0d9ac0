namespace NewsMirror.Publishing.Git;

/// <summary>
/// The lock files a killed run's git may have left: <c>.git/index.lock</c> (git add), and <c>HEAD.lock</c>,
/// <c>ORIG_HEAD.lock</c>, <c>packed-refs.lock</c> and <c>refs/**/*.lock</c> (git commit, rebase). Its git child can
/// outlive it (a SIGKILL of NewsMirror alone, an OOM kill) and still be writing under such a lock; removing the lock
/// then lets two writers at the same file. So a lock is removed only when no live process can hold it; while one
/// may, this waits (bounded) for it to finish.
/// </summary>
public sealed class StaleGitLocks(string gitDirectory, string workTree)
{
    /// <summary>Long enough for a <c>git add</c> of thousands of files on a loaded machine.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly string[] TopLevelLocks = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "packed-refs.lock"];

    /// <summary>Told what happens (waiting, released, removed).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>Waits for live holders to release each lock, then removes those still there that no process can hold.</summary>
    /// <param name="processStartedUtc">
    /// Where no one can tell who holds a lock (no /proc), only a lock older than this process is removed.
    /// </param>
    /// <exception cref="GitException">A live process still holds a lock after <paramref name="wait"/>.</exception>
    public async Task ClearAsync(DateTime processStartedUtc, TimeSpan wait, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + wait;
        foreach (var path in Present())
            await ClearOneAsync(path, processStartedUtc, deadline, wait, cancel);
    }

    private IEnumerable<string> Present()
    {
        var found = TopLevelLocks.Select(name => Path.Combine(gitDirectory, name)).Where(File.Exists).ToList();
        var refs = Path.Combine(gitDirectory, "refs");
        if (Directory.Exists(refs)) found.AddRange(Directory.EnumerateFiles(refs, "*.lock", SearchOption.AllDirectories));
        return found;
    }

    private async Task ClearOneAsync(string path, DateTime processStartedUtc, DateTime deadline, TimeSpan wait, CancellationToken cancel)
    {
        var name = ".git/" + Path.GetRelativePath(gitDirectory, path).Replace('\\', '/');
        if (!LiveGitProcesses.CanTell)
        {
            if (File.GetLastWriteTimeUtc(path) < processStartedUtc) Remove(path, name);
            return;
        }
        var said = false;
        while (true)
        {
            var holders = LiveGitProcesses.Holding(path, workTree, gitDirectory);
            if (!File.Exists(path))
            {
                if (said) Note?.Invoke($"git released {name}; going on");
                return;
            }
            if (holders.Count == 0)
            {
                Remove(path, name);
                return;
            }
            var who = $"PID {string.Join(", ", holders)}";
            if (DateTime.UtcNow >= deadline)
                throw new GitException($"{name} is still held by a live process ({who}) after {wait.TotalSeconds:0} s: not removed; the next run tries again");
            if (!said)
            {
                Note?.Invoke($"waiting up to {wait.TotalSeconds:0} s for {name}: a live process holds it ({who}), likely git started by the interrupted run");
                said = true;
            }
            await Task.Delay(PollInterval, cancel);
        }
    }

    private void Remove(string path, string name)
    {
        File.Delete(path);
        Note?.Invoke($"removed {name} left by the interrupted run");
    }
}
