using System.Globalization;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// The "hourly" mode (bench/run.sh --hourly): runs <see cref="HourlyScenario"/> and writes its own section of
/// docs/PERFORMANCE.md, one set of rows per build. Arguments: --newsmirror label=path (repeatable), [--runs N] (default 5), [--data DIR], [--out FILE],
/// [--command-line TEXT].
/// </summary>
internal static class HourlyCommand
{
    public const string Start = "<!-- bench/run.sh --hourly: results start -->";
    public const string End = "<!-- bench/run.sh --hourly: results end -->";

    public static async Task<int> RunAsync(string[] args)
    {
        var commands = new List<NewsMirrorCommand>();
        int runs = 5;
        string data = Path.Combine(Path.GetTempPath(), "newsmirror-bench");
        string output = Path.Combine("docs", "PERFORMANCE.md");
        string commandLine = "bench/run.sh --hourly";
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--newsmirror": commands.Add(NewsMirrorCommand.Parse(Value())); break;
                    case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--data": data = Value(); break;
                    case "--out": output = Value(); break;
                    case "--command-line": commandLine = Value(); break;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }
            if (commands.Count == 0) throw new ArgumentException("give --newsmirror label=path");
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"hourly: {e.Message}");
            return 2;
        }
        var loadBefore = PerformanceReport.LoadAverage();
        var rows = new List<ResultRow>();
        foreach (var command in commands)
        {
            string build = command.Label.Split(" (")[0];
            foreach (var row in await new HourlyScenario(command, runs, Path.GetFullPath(data), Console.WriteLine).RunAsync())
                rows.Add(row with { Measure = $"{build}: {row.Measure}" });
        }
        var heading = $"NewsMirror {string.Join("; ", commands.Select(c => c.Label))}. The reference script is not part of this repository; its figures from issue 17 " +
                      "(same scenario): first run 6.3 s wall, 7.9 s CPU, 344 MB; hourly run 4.7 s, 6.3 s, 328 MB.";
        PerformanceReport.WriteSection(Path.GetFullPath(output), Start, End, commandLine, heading, rows, loadBefore, PerformanceReport.LoadAverage());
        foreach (var row in rows) Console.WriteLine($"{row.Measure}: {row.Result}");
        Console.WriteLine($"written to {output}");
        return 0;
    }
}
