using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// Runs a command as a new process and measures it with <c>/usr/bin/time</c> (wall, user + system CPU, max RSS).
/// Without it, wall time is measured here and peak RSS is the process's VmHWM read from /proc while it runs.
/// </summary>
internal static class ProcessTimer
{
    private const string GnuTime = "/usr/bin/time";

    public static ProcessSample Run(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var args = arguments.ToList();
        return File.Exists(GnuTime) ? RunUnderTime(program, args, workingDirectory) : RunPolling(program, args, workingDirectory);
    }

    private static ProcessSample RunUnderTime(string program, List<string> args, string workingDirectory)
    {
        var report = Path.GetTempFileName();
        try
        {
            var output = new StringBuilder();
            var exit = Wait(Start(GnuTime, ["-f", "%e %U %S %M", "-o", report, program, .. args], workingDirectory, output));
            var fields = File.ReadAllLines(report).Last().Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return new ProcessSample(fields[0], fields[1] + fields[2], fields[3] / 1024, exit, Text(output));
        }
        finally { File.Delete(report); }
    }

    private static ProcessSample RunPolling(string program, List<string> args, string workingDirectory)
    {
        var timer = Stopwatch.StartNew();
        var output = new StringBuilder();
        using var process = Start(program, args, workingDirectory, output);
        double peakKiB = 0;
        while (!process.WaitForExit(5)) peakKiB = Math.Max(peakKiB, HighWaterMarkKiB(process.Id));
        process.WaitForExit();
        var wall = timer.Elapsed.TotalSeconds;
        // CPU time of an exited child is not available without wait4; report wall time as the upper bound.
        return new ProcessSample(wall, wall, peakKiB / 1024, process.ExitCode, Text(output));
    }

    private static double HighWaterMarkKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static Process Start(string program, IEnumerable<string> args, string workingDirectory, StringBuilder output)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The measured program sees no terminal, as in a scheduled job.
        start.Environment["CI"] = "true";
        var process = Process.Start(start)!;
        void Keep(object _, DataReceivedEventArgs line)
        {
            lock (output) output.AppendLine(line.Data);
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Wait(Process process)
    {
        using (process)
        {
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
