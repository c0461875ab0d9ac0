using System.Collections.Concurrent;
using System.Diagnostics;
using NewsMirror.Publishing.Git;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>
/// The index.lock a killed run leaves: waited for while a live process may hold it (a git child that outlived the
/// run), removed only when none can.
/// </summary>
public class StaleGitLocksTests : IDisposable
{
    private readonly TempFolder _repo = new();
    private readonly TestGit _git = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly List<Process> _started = [];

    public StaleGitLocksTests() => _git.Run(_repo.Path, "init", "--quiet");

    private string GitDirectory => _repo.Combine(".git");
    private string IndexLock => _repo.Combine(".git", "index.lock");

    /// <summary>Even a lock older than this process is not removed while it is held: liveness decides, not age.</summary>
    private static readonly DateTime AfterTheLockWasMade = DateTime.UtcNow.AddHours(1);

    [Fact]
    public async Task A_live_process_holding_the_lock_is_waited_for_and_the_lock_is_not_removed()
    {
        var holder = StartHolder();
        var waiting = new TaskCompletionSource();
        var staleLock = new StaleGitLocks(GitDirectory, _repo.Path)
        {
            Note = note => { _notes.Enqueue(note); if (note.StartsWith("waiting", StringComparison.Ordinal)) waiting.TrySetResult(); },
        };

        var clearing = staleLock.ClearAsync(AfterTheLockWasMade, TimeSpan.FromMinutes(1), CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(IndexLock));
        Assert.False(clearing.IsCompleted);
        Assert.Contains($"PID {holder.Id}", _notes.Single());

        // The holder finishes as git does: it removes its own lock (a lock removed under it would make rm fail).
        await holder.StandardInput.WriteLineAsync("done");
        await holder.StandardInput.FlushAsync();
        await clearing.WaitAsync(TimeSpan.FromSeconds(30));
        await holder.WaitForExitAsync();

        Assert.Equal(0, holder.ExitCode);
        Assert.False(File.Exists(IndexLock));
        Assert.Equal("git released .git/index.lock; going on", _notes.Last());
        Assert.DoesNotContain(_notes, note => note.StartsWith("removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_git_process_working_in_the_repository_is_waited_for_a_bounded_time_and_the_lock_kept()
    {
        File.WriteAllText(IndexLock, "");
        File.SetLastWriteTimeUtc(IndexLock, DateTime.UtcNow.AddMinutes(-5));
        // A live git in the repository that does not have the lock open (yet): it counts as a possible holder.
        var git = StartProcess("git", "cat-file", "--batch");
        var staleLock = new StaleGitLocks(GitDirectory, _repo.Path) { Note = _notes.Enqueue };
        try
        {
            var error = await Assert.ThrowsAsync<GitException>(() => staleLock.ClearAsync(AfterTheLockWasMade, TimeSpan.FromSeconds(1), CancellationToken.None));
            Assert.Contains($"PID {git.Id}", error.Message);
            Assert.Contains("not removed", error.Message);
            Assert.True(File.Exists(IndexLock));
        }
        finally
        {
            git.StandardInput.Close();
            await git.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_lock_no_live_process_holds_is_removed_and_said()
    {
        File.WriteAllText(IndexLock, "");
        var staleLock = new StaleGitLocks(GitDirectory, _repo.Path) { Note = _notes.Enqueue };

        await staleLock.ClearAsync(AfterTheLockWasMade, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.False(File.Exists(IndexLock));
        Assert.Equal(["removed .git/index.lock left by the interrupted run"], _notes);
    }

    [Fact]
    public async Task The_locks_a_killed_git_commit_leaves_are_removed_too_when_no_live_process_holds_them()
    {
        // A kill inside git commit can leave HEAD.lock and the branch's ref lock besides index.lock.
        var headLock = _repo.Combine(".git", "HEAD.lock");
        var refLock = _repo.Combine(".git", "refs", "heads", "main.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(refLock)!);
        File.WriteAllText(headLock, "");
        File.WriteAllText(refLock, "");

        await new StaleGitLocks(GitDirectory, _repo.Path) { Note = _notes.Enqueue }.ClearAsync(AfterTheLockWasMade, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.False(File.Exists(headLock));
        Assert.False(File.Exists(refLock));
        Assert.Equal(["removed .git/HEAD.lock left by the interrupted run", "removed .git/refs/heads/main.lock left by the interrupted run"], _notes);
    }

    [Fact]
    public async Task Without_a_lock_nothing_is_done()
    {
        await new StaleGitLocks(GitDirectory, _repo.Path) { Note = _notes.Enqueue }.ClearAsync(AfterTheLockWasMade, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Empty(_notes);
    }

    /// <summary>A process that creates and holds the lock open until told to finish, then removes it.</summary>
    private Process StartHolder()
    {
        var holder = StartProcess("sh", "-c", "exec 3>\"$1\"; echo held; read line; rm \"$1\"", "sh", IndexLock);
        Assert.Equal("held", holder.StandardOutput.ReadLine());
        return holder;
    }

    private Process StartProcess(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _repo.Path, RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _started.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in _started.Where(p => !p.HasExited)) process.Kill();
        _git.Dispose();
        _repo.Dispose();
    }
}
