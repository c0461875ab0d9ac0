using System.Diagnostics;

namespace NewsMirror.Tests.Publishing.Epub;

/// <summary>Debian's <c>epubcheck</c> (the W3C EPUB validator); the digest tests require it.</summary>
internal static class Epubcheck
{
    public sealed record Result(int ExitCode, string Output)
    {
        public IEnumerable<string> Problems => Output.Split('\n')
            .Where(line => line.StartsWith("ERROR", StringComparison.Ordinal) || line.StartsWith("FATAL", StringComparison.Ordinal) ||
                           line.StartsWith("WARNING", StringComparison.Ordinal));
    }

    public static async Task<Result> RunAsync(string epub)
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "epubcheck is not installed: the EPUB tests validate with it. Install it with 'apt-get install epubcheck' (Debian, Ubuntu) " +
            "or from https://github.com/w3c/epubcheck/releases and put it on PATH.");
        // Debian installs the jar itself as /usr/bin/epubcheck, run through binfmt_misc where that is set up: java runs it anywhere.
        var start = new ProcessStartInfo(IsJar(executable) ? "java" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsJar(executable))
        {
            start.ArgumentList.Add("-jar");
            start.ArgumentList.Add(executable);
        }
        start.ArgumentList.Add(epub);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output + await error);
    }

    private static bool IsJar(string path)
    {
        using var file = File.OpenRead(path);
        return file.ReadByte() == 'P' && file.ReadByte() == 'K';
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(directory => directory.Length > 0)
            .Select(directory => Path.Combine(directory, "epubcheck"))
            .FirstOrDefault(File.Exists);
}
