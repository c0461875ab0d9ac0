using Spectre.Console;

namespace NewsMirror.Cli.Commands;

/// <summary>
/// Progress of a long step on standard error (standard output stays for results): a Spectre.Console bar on a
/// terminal, plain lines when redirected — there the bar prints stray partial lines and never 100 %.
/// </summary>
internal static class ProgressDisplay
{
    private const int PlainLines = 10;

    public static T Run<T>(string description, int total, Func<IProgress<int>, T> work)
    {
        if (total == 0) return work(new Reporter(_ => { }));
        if (Console.IsErrorRedirected) return RunPlain(description, total, work);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().AutoClear(false).Start(context =>
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: total);
            var result = work(new Reporter(done => task.Value = done));
            task.Value = total;
            return result;
        });
    }

    private static T RunPlain<T>(string description, int total, Func<IProgress<int>, T> work)
    {
        int step = Math.Max(1, total / PlainLines), next = step;
        var result = work(new Reporter(done =>
        {
            if (done < next) return;
            Console.Error.WriteLine($"{description}: {done}/{total}");
            next = (done / step + 1) * step;
        }));
        Console.Error.WriteLine($"{description}: done ({total})");
        return result;
    }

    /// <summary>Reports synchronously on the worker's thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
