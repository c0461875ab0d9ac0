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

    public static void Write(SuiteOptions options, IReadOnlyList<ResultRow> rows, string loadBefore, string loadAfter) =>
        WriteSection(options.Output, Start, End, options.CommandLine, null, rows, loadBefore, loadAfter, MicroTables(options.MicroResults));

    /// <summary>Replaces the text between <paramref name="start"/> and <paramref name="end"/> in <paramref name="output"/> (appends the section if it has none).</summary>
    public static void WriteSection(string output, string start, string end, string commandLine, string? heading, IReadOnlyList<ResultRow> rows,
        string loadBefore, string loadAfter, IEnumerable<string>? tables = null)
    {
        var section = new StringBuilder(start).Append('\n');
        section.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{commandLine}`.");
        if (heading is not null) section.Append(' ').Append(heading);
        section.Append("\n\n");
        section.Append("Machine: ").Append(Machine()).Append('\n');
        section.Append(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}. ")
            .Append("The machine is shared with other builds: wall times can be disturbed, medians are given with the range.\n\n");
        section.Append("| measure | result (median, range, runs) | target | met |\n|---|---|---|---|\n");
        foreach (var row in rows)
            section.Append("| ").Append(row.Measure).Append(" | ").Append(row.Result).Append(" | ").Append(row.Target).Append(" | ")
                .Append(row.Met switch { true => "yes", false => "**no**", null => "" }).Append(" |\n");
        foreach (var table in tables ?? []) section.Append('\n').Append(table);
        section.Append(end).Append('\n');

        var existing = File.Exists(output) ? File.ReadAllText(output) : "# Performance\n\n";
        int from = existing.IndexOf(start, StringComparison.Ordinal);
        int to = existing.IndexOf(end, StringComparison.Ordinal);
        var rest = from >= 0 && to > from ? existing[(to + end.Length)..].TrimStart('\n') : "";
        // A blank line after the section, so text that follows is a paragraph of its own, not part of the comment's HTML block.
        var updated = from >= 0 && to > from
            ? existing[..from] + section + (rest.Length == 0 ? "" : "\n" + rest)
            : existing.TrimEnd('\n') + "\n\n" + section;
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, updated);
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
