using System.Diagnostics;

namespace NewsMirror.Tests.Reliability;

/// <summary>
/// A small tmpfs mounted for one test, so a full or read-only disk is real, not simulated. Mounting needs root: as
/// another user the test is reported as skipped, saying why (its tests are <c>[SkippableFact]</c>).
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(int kibibytes)
    {
        Skip.IfNot(Environment.IsPrivilegedProcess, "mounting a tmpfs for a real full or read-only disk needs root; run the tests as root to include this one");
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsmirror-mounts", Guid.NewGuid().ToString("N"));

    public void Remount(string options) => Run("mount", "-o", "remount," + options, Path);

    private static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed (these tests need root): {error}");
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }
}
