using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsMirror.Bench.Commands;

/// <summary>
/// Writes the measured section of docs/PERFORMANCE.md: between <see cref="Start"/> and <see cref="End"/>, so the
/// hand-written analysis around it stays. The section says on what machine, with which command and when.
/// </summary>
internal static class PerformanceReport
{
    public const string Start = "<!-- bench/run.sh: results start -->";
    public const string End = "<!-- bench/run.sh: results end -->";

    public static void Write(SuiteOptions options, IReadOnlyList<ResultRow> rows, string loadBefore, string loadAfter)
    {
        var section = new StringBuilder(Start).Append('\n');
        section.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{options.CommandLine}`.\n\n");
        section.Append("Machine: ").Append(Machine()).Append('\n');
        section.Append(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}. ")
            .Append("The machine is shared with other builds: wall times can be disturbed, medians are given with the range.\n\n");
        section.Append("| measure | result (median, range, runs) | target | met |\n|---|---|---|---|\n");
        foreach (var row in rows)
            section.Append("| ").Append(row.Measure).Append(" | ").Append(row.Result).Append(" | ").Append(row.Target).Append(" | ")
                .Append(row.Met switch { true => "yes", false => "**no**", null => "" }).Append(" |\n");
        foreach (var table in MicroTables(options.MicroResults)) section.Append('\n').Append(table);
        section.Append(End).Append('\n');

        var existing = File.Exists(options.Output) ? File.ReadAllText(options.Output) : "# Performance\n\n";
        int start = existing.IndexOf(Start, StringComparison.Ordinal);
        int end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + section + existing[(end + End.Length)..].TrimStart('\n')
            : existing.TrimEnd('\n') + "\n\n## Benchmark suite results\n\n" + section;
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        File.WriteAllText(options.Output, updated);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Machine()
    {
        string cpu = "unknown CPU";
        string memory = "unknown memory";
        if (File.Exists("/proc/cpuinfo"))
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        if (File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total)
            memory = $"{double.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576:0.0} GiB memory";
        return $"{cpu}, {Environment.ProcessorCount} cores (`nproc`), {memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}.";
    }

    /// <summary>BenchmarkDotNet's GitHub-flavoured tables from the micro-benchmark run, with their environment lines.</summary>
    private static IEnumerable<string> MicroTables(string? folder)
    {
        if (folder is null || !Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*-report-github.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file).Replace("-report-github.md", "");
            yield return $"BenchmarkDotNet, `{name[(name.LastIndexOf('.') + 1)..]}`:\n\n{File.ReadAllText(file).Trim()}\n";
        }
    }
}
