namespace NewsMirror.Bench.Commands;

/// <summary>The "suite" mode: runs <see cref="CommandSuite"/> and writes docs/PERFORMANCE.md.</summary>
internal static class SuiteCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        SuiteOptions options;
        try { options = SuiteOptions.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"suite: {e.Message}");
            return 2;
        }
        var loadBefore = PerformanceReport.LoadAverage();
        var rows = await new CommandSuite(options, Console.WriteLine).RunAsync();
        PerformanceReport.Write(options, rows, loadBefore, PerformanceReport.LoadAverage());
        foreach (var row in rows) Console.WriteLine($"{row.Measure}: {row.Result}");
        Console.WriteLine($"written to {options.Output}");
        return 0;
    }
}
