using System.Diagnostics;
using System.Globalization;

namespace NewsMirror.Tests.Support;

/// <summary>Runs the real <c>newsmirror</c> executable (built beside the tests, or the one <see cref="CliExecutable"/> names) as a separate process.</summary>
public static class CliProcess
{
    /// <param name="PeakResidentBytes">The process's peak resident memory (VmHWM), sampled while it ran; 0 where /proc is missing.</param>
    public sealed record Result(int ExitCode, string Stdout, string Stderr, long PeakResidentBytes = 0);

    private static readonly TimeSpan MemorySampling = TimeSpan.FromMilliseconds(20);
    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, NoEnvironment, args);

    /// <param name="environment">Variables to set for the process; a null value removes the variable.</param>
    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var peak = SamplePeakMemoryAsync(process);
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout, await stderr, await peak);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, NoEnvironment, args);

    /// <summary>Starts the executable with standard output and error redirected; the caller reads, waits for or kills it.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = CliExecutable.StartInfo();
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = System.Text.Encoding.UTF8;
        start.StandardErrorEncoding = System.Text.Encoding.UTF8;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>VmHWM is the kernel's own high-water mark, so sampling it misses at most the growth of the last interval.</summary>
    private static async Task<long> SamplePeakMemoryAsync(Process process)
    {
        long peak = 0;
        using var timer = new PeriodicTimer(MemorySampling);
        do
        {
            if (ReadHighWaterMark(process.Id) is { } bytes) peak = Math.Max(peak, bytes);
        } while (!process.HasExited && await timer.WaitForNextTickAsync());
        return peak;
    }

    private static long? ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }
}
