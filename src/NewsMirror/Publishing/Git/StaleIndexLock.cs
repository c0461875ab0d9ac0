namespace NewsMirror.Publishing.Git;

/// <summary>
/// The <c>.git/index.lock</c> a killed run may have left. Its git child can outlive it (a SIGKILL of NewsMirror
/// alone, an OOM kill) and still be writing the index under that lock; removing the lock then lets two writers
/// at the index. So a lock is removed only when no live process can hold it; while one may, this waits (bounded)
/// for it to finish.
/// </summary>
public sealed class StaleIndexLock(string gitDirectory, string workTree)
{
    /// <summary>Long enough for a <c>git add</c> of thousands of files on a loaded machine.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public string Path { get; } = System.IO.Path.Combine(gitDirectory, "index.lock");

    /// <summary>Told what happens (waiting, released, removed).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>Waits for a live holder to release the lock, then removes it if it is still there and no process can hold it.</summary>
    /// <param name="processStartedUtc">
    /// Where no one can tell who holds the lock (no /proc), only a lock older than this process is removed.
    /// </param>
    /// <exception cref="GitException">A live process still holds the lock after <paramref name="wait"/>.</exception>
    public async Task ClearAsync(DateTime processStartedUtc, TimeSpan wait, CancellationToken cancel)
    {
        if (!File.Exists(Path)) return;
        if (!LiveGitProcesses.CanTell)
        {
            if (File.GetLastWriteTimeUtc(Path) < processStartedUtc) Remove();
            return;
        }
        var deadline = DateTime.UtcNow + wait;
        var said = false;
        while (true)
        {
            var holders = LiveGitProcesses.Holding(Path, workTree, gitDirectory);
            if (!File.Exists(Path))
            {
                if (said) Note?.Invoke("git released .git/index.lock; going on");
                return;
            }
            if (holders.Count == 0)
            {
                Remove();
                return;
            }
            var who = $"PID {string.Join(", ", holders)}";
            if (DateTime.UtcNow >= deadline)
                throw new GitException($".git/index.lock is still held by a live process ({who}) after {wait.TotalSeconds:0} s: not removed; the next run tries again");
            if (!said)
            {
                Note?.Invoke($"waiting up to {wait.TotalSeconds:0} s for .git/index.lock: a live process holds it ({who}), likely git started by the interrupted run");
                said = true;
            }
            await Task.Delay(PollInterval, cancel);
        }
    }

    private void Remove()
    {
        File.Delete(Path);
        Note?.Invoke("removed .git/index.lock left by the interrupted run");
    }
}
