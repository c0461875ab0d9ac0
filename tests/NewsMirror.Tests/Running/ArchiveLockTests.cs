using System.Diagnostics;
using System.Text.Json;
using NewsMirror.Archive;
using NewsMirror.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

public class ArchiveLockTests
{
    internal static string LockJson(int pid, string host, DateTimeOffset started) =>
        JsonSerializer.Serialize(new { pid, host, started, command = "newsmirror run", token = "left-over" });

    internal static void WriteLock(ArchivePaths paths, string json)
    {
        Directory.CreateDirectory(paths.StateFolder);
        File.WriteAllText(paths.LockFile, json);
    }

    internal static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public void The_lock_file_names_the_writer_and_a_second_writer_is_refused_until_it_is_released()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);

        var first = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None, "newsmirror run");
        using (var file = JsonDocument.Parse(File.ReadAllText(paths.LockFile)))
        {
            Assert.Equal(Environment.ProcessId, file.RootElement.GetProperty("pid").GetInt32());
            Assert.Equal(Environment.MachineName, file.RootElement.GetProperty("host").GetString());
            Assert.Equal("newsmirror run", file.RootElement.GetProperty("command").GetString());
            Assert.True(DateTimeOffset.UtcNow - file.RootElement.GetProperty("started").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        }

        var refused = Assert.Throws<ArchiveLockedException>(() => ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(first.Holder.Token, refused.Holder!.Token);
        Assert.Contains($"PID {Environment.ProcessId}", refused.Message);

        first.Dispose();
        Assert.False(File.Exists(paths.LockFile));
        using var second = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);
        Assert.NotEqual(first.Holder.Token, second.Holder.Token);
    }

    [Fact]
    public void A_lock_whose_process_is_gone_is_taken_over()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        WriteLock(paths, LockJson(ExitedProcessId(), Environment.MachineName, DateTimeOffset.UtcNow));

        using var taken = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);

        Assert.Contains(taken.Holder.Token, File.ReadAllText(paths.LockFile));
        // The dead writer may have left files uncommitted: the marker tells the next commit to take them.
        Assert.Contains("left-over", File.ReadAllText(paths.InterruptedMarker));
    }

    [Fact]
    public void A_lock_released_normally_leaves_no_interrupted_marker()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None).Dispose();

        using var second = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);

        Assert.False(File.Exists(paths.InterruptedMarker));
    }

    [Fact]
    public void A_lock_whose_pid_now_belongs_to_a_younger_process_is_taken_over()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        var beforeThisProcess = Process.GetCurrentProcess().StartTime.ToUniversalTime().AddHours(-1);
        WriteLock(paths, LockJson(Environment.ProcessId, Environment.MachineName, beforeThisProcess));

        using var taken = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);

        Assert.Contains(taken.Holder.Token, File.ReadAllText(paths.LockFile));
    }

    [Fact]
    public void Another_hosts_lock_holds_until_it_is_older_than_the_limit()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        WriteLock(paths, LockJson(1, "another-host", DateTimeOffset.UtcNow));
        var refused = Assert.Throws<ArchiveLockedException>(() => ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("another-host", refused.Holder!.Host);

        WriteLock(paths, LockJson(1, "another-host", DateTimeOffset.UtcNow - ArchiveLock.StaleAfter - TimeSpan.FromMinutes(1)));
        using var taken = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);
        Assert.Contains(taken.Holder.Token, File.ReadAllText(paths.LockFile));
    }

    [Fact]
    public void An_empty_lock_file_counts_as_being_written_until_it_is_old()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        WriteLock(paths, "");
        var refused = Assert.Throws<ArchiveLockedException>(() => ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None));
        Assert.Null(refused.Holder);

        File.SetLastWriteTimeUtc(paths.LockFile, DateTime.UtcNow.AddMinutes(-5));
        using var taken = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);
        Assert.Contains(taken.Holder.Token, File.ReadAllText(paths.LockFile));
    }

    [Fact]
    public async Task A_waiting_writer_gets_the_lock_when_the_holder_releases_it()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        var first = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);

        var waiting = Task.Run(() => ArchiveLock.Acquire(paths, TimeSpan.FromMinutes(1), CancellationToken.None));
        first.Dispose();
        using var second = await waiting;

        Assert.Contains(second.Holder.Token, File.ReadAllText(paths.LockFile));
    }

    [Fact]
    public async Task Waiting_stops_when_cancelled()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        using var first = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = Task.Run(() => ArchiveLock.Acquire(paths, TimeSpan.FromMinutes(10), cancel.Token));
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Contains(first.Holder.Token, File.ReadAllText(paths.LockFile));
    }

    [Fact]
    public void Releasing_never_deletes_a_lock_that_another_writer_took_over()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        var mine = ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None);
        var theirs = LockJson(1, "another-host", DateTimeOffset.UtcNow);
        File.WriteAllText(paths.LockFile, theirs);

        mine.Dispose();

        Assert.Equal(theirs, File.ReadAllText(paths.LockFile));
    }

    [Fact]
    public void Taking_the_lock_deletes_the_temp_files_dead_writers_left_in_the_root_and_state_folder()
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        Directory.CreateDirectory(paths.StateFolder);
        string Temp(string folder) => Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        var dead = new[] { Temp(paths.Root), Temp(paths.StateFolder) };
        foreach (var file in dead)
        {
            File.WriteAllText(file, "half a .gitignore");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-5));
        }
        // Written after this process started: a live writer's, kept. Other hidden files are not temp files.
        var young = Temp(paths.StateFolder);
        File.WriteAllText(young, "");
        File.SetLastWriteTimeUtc(young, DateTime.UtcNow.AddMinutes(5));
        var other = Path.Combine(paths.Root, ".notes.tmp");
        File.WriteAllText(other, "");
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddMinutes(-5));

        using (ArchiveLock.Acquire(paths, TimeSpan.Zero, CancellationToken.None))
        {
            Assert.All(dead, file => Assert.False(File.Exists(file), file));
            Assert.True(File.Exists(young));
            Assert.True(File.Exists(other));
        }
    }

    [Theory]
    // A process started long ago (watch, a test host): a temp file quiet for over a minute is dead, a fresher one is live.
    [InlineData(-60, -2, false)]
    [InlineData(-60, -0.5, true)]
    // A process started just now: anything older than the process is dead, even if it was written seconds ago.
    [InlineData(-0.1, -0.5, false)]
    [InlineData(-0.1, -0.05, true)]
    public void A_temp_file_counts_as_dead_when_older_than_the_process_or_quiet_for_a_minute(double processStartedMinutesAgo, double writtenMinutesAgo, bool kept)
    {
        using var dir = new TempFolder();
        var paths = new ArchivePaths(dir.Path);
        Directory.CreateDirectory(paths.StateFolder);
        var now = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        var file = Path.Combine(paths.StateFolder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(file, "");
        File.SetLastWriteTimeUtc(file, now.AddMinutes(writtenMinutesAgo));

        ArchiveLock.DeleteTempFilesOfDeadWriters(paths, now, now.AddMinutes(processStartedMinutesAgo));

        Assert.Equal(kept, File.Exists(file));
    }
}
