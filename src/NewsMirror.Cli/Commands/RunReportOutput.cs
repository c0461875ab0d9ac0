using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMirror.Running;

namespace NewsMirror.Cli.Commands;

/// <summary>How a run's report is shown: a line per source and a total, or one JSON object.</summary>
internal static class RunReportOutput
{
    public static void WriteText(RunReport report, TextWriter output)
    {
        var width = report.Sources.Count == 0 ? 0 : report.Sources.Max(s => DisplayWidth(s.Name));
        foreach (var s in report.Sources)
        {
            var changed = s.Changed > 0 ? $"  changed {s.Changed}" : "";
            var outcome = s.Ok ? $"ok     new {s.New,4}  known {s.Known,4}{changed}" : $"FAILED {s.Error}";
            output.WriteLine($"{s.Name}{new string(' ', width - DisplayWidth(s.Name))}  {outcome}  ({Seconds(s.Elapsed)})");
            foreach (var warning in s.Warnings) output.WriteLine($"{new string(' ', width)}  warning: {warning}");
        }
        var failed = report.Sources.Count(s => !s.Ok);
        output.WriteLine($"total: {report.New} new from {report.Sources.Count} sources, {failed} failed ({Seconds(report.Elapsed)})");
    }

    /// <summary>Standard output carries exactly one JSON object; warnings go to standard error.</summary>
    public static void WriteJson(RunReport report, TextWriter output, TextWriter errors)
    {
        foreach (var s in report.Sources)
            foreach (var warning in s.Warnings) errors.WriteLine($"{s.Name}: warning: {warning}");
        var json = new
        {
            sources = report.Sources.Select(s => new
            {
                name = s.Name,
                folder = s.Folder,
                status = s.Ok ? "ok" : "error",
                @new = s.New,
                known = s.Known,
                changed = s.Changed,
                error = s.Error,
                elapsedMs = (long)s.Elapsed.TotalMilliseconds,
            }),
            @new = report.New,
            elapsedMs = (long)report.Elapsed.TotalMilliseconds,
        };
        output.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>Terminal columns: CJK and full-width characters take two, so Chinese names line up.</summary>
    internal static int DisplayWidth(string text) =>
        text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' ? 2 : 1);

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.0} s";
}
