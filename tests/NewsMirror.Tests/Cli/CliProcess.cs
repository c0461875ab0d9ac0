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
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var (exitCode, output, error) = await ChildProcess.RunAsync(start, Limit, $"newsmirror {string.Join(' ', arguments)}");
        return new Result(exitCode, output, error);
    }
}
