using System.Diagnostics;
using System.Text;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Cli;

/// <summary>Runs the built newsmirror CLI (copied beside the tests, or the one <see cref="CliExecutable"/> names), as a user would run it.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var start = CliExecutable.StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.UseShellExecute = false;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newsmirror {string.Join(' ', arguments)} did not finish within {Limit}.");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
