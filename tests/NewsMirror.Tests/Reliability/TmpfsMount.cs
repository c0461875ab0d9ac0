using System.Diagnostics;

namespace NewsMirror.Tests.Reliability;

/// <summary>A small tmpfs mounted for one test (the tests run as root), so a full or read-only disk is real, not simulated.</summary>
public sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(int kibibytes)
    {
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
