using System.Collections.Concurrent;
using System.Diagnostics;

namespace NewsMirror.Publishing.Git;

/// <summary>
/// Starts git so that it dies with NewsMirror where the platform allows: a git child that outlives a killed run
/// (SIGKILL, OOM) goes on writing the index under <c>index.lock</c> while the next run starts. On Linux git is
/// started through util-linux's <c>setpriv --pdeathsig KILL</c>, which asks the kernel to kill it when its parent
/// goes. The kernel means the parent <em>thread</em>, so every git is started from one thread that lives as long
/// as the process (a pool thread that retires would kill a long push). Without setpriv (other systems, minimal
/// images) git is started directly.
/// </summary>
internal static class GitProcessStarter
{
    private static readonly string? Setpriv = OperatingSystem.IsLinux() ? FindSetprivWithPdeathsig() : null;

    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = new();

    private static readonly Lazy<Thread> Starter = new(() =>
    {
        var thread = new Thread(StartRequests) { IsBackground = true, Name = "git starter" };
        thread.Start();
        return thread;
    });

    /// <summary>Whether git children are tied to this process's life.</summary>
    public static bool DiesWithParent => Setpriv is not null;

    /// <summary>Starts <c>git</c> with <paramref name="start"/>'s arguments, directory, environment and redirections.</summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        if (Setpriv is null) return Task.FromResult(Process.Start(start) ?? throw new GitException("could not start git"));
        start.ArgumentList.Insert(0, start.FileName);
        foreach (var arg in new[] { "--pdeathsig", "KILL", "--" }.Reverse()) start.ArgumentList.Insert(0, arg);
        start.FileName = Setpriv;
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Starter.Value;
        Requests.Add((start, started));
        return started.Task;
    }

    private static void StartRequests()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try { started.SetResult(Process.Start(start) ?? throw new GitException("could not start git")); }
            catch (Exception e) { started.SetException(e); }
        }
    }

    /// <summary>setpriv on the PATH, if it knows --pdeathsig (util-linux 2.33 and later).</summary>
    private static string? FindSetprivWithPdeathsig()
    {
        var setpriv = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "setpriv"))
            .FirstOrDefault(File.Exists);
        if (setpriv is null) return null;
        try
        {
            using var help = Process.Start(new ProcessStartInfo(setpriv, "--help") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (help is null) return null;
            var text = help.StandardOutput.ReadToEnd();
            help.WaitForExit();
            return text.Contains("--pdeathsig", StringComparison.Ordinal) ? setpriv : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            return null;
        }
    }
}
