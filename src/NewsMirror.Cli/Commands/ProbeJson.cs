using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsMirror.Evidence.Probes;

namespace NewsMirror.Cli.Commands;

/// <summary>The JSON of <c>probe</c> and <c>removed</c>, written field by field (no reflection).</summary>
internal static class ProbeJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void WriteProbes(ProbeReport report, TextWriter output) => Write(output, json =>
    {
        json.WriteStartObject();
        WriteProbeSummary(json, report);
        json.WriteEndObject();
    });

    /// <summary>The summary fields and the probes array, inside an object the caller opened.</summary>
    public static void WriteProbeSummary(Utf8JsonWriter json, ProbeReport report)
    {
        json.WriteNumber("probed", report.Probes.Count);
        json.WriteNumber("deferred", report.Deferred);
        json.WriteNumber("elapsedMs", (long)report.Elapsed.TotalMilliseconds);
        json.WriteStartObject("outcomes");
        foreach (var outcome in new[] { ProbeOutcomes.Live, ProbeOutcomes.Edited, ProbeOutcomes.Removed, ProbeOutcomes.Redirected, ProbeOutcomes.Replaced, ProbeOutcomes.Unreachable })
            json.WriteNumber(outcome, report.Count(outcome));
        json.WriteEndObject();
        json.WriteStartArray("probes");
        foreach (var (folder, line) in report.Probes)
        {
            json.WriteStartObject();
            json.WriteString("folder", folder);
            json.WriteString("file", line.File);
            json.WriteString("link", line.Link);
            json.WriteString("at", Iso(line.At));
            json.WriteString("outcome", line.Outcome);
            json.WriteBoolean("final", line.Final);
            json.WriteBoolean("newVerdict", report.NewVerdicts.Contains((folder, line)));
            Number(json, "status", line.Status);
            json.WriteString("target", line.Target);
            json.WriteString("redirect", line.Redirect);
            if (line.Similarity is { } similarity) json.WriteNumber("similarity", similarity); else json.WriteNull("similarity");
            json.WriteString("notice", line.Notice);
            json.WriteString("error", line.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void WriteRemovals(IReadOnlyList<RemovalRecord> records, TextWriter output) => Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("removed");
        foreach (var r in records)
        {
            json.WriteStartObject();
            json.WriteString("source", r.Source);
            json.WriteString("folder", r.Folder);
            json.WriteString("file", r.RelativePath);
            json.WriteString("title", r.Title);
            json.WriteString("link", r.Link);
            json.WriteString("verdict", r.Verdict);
            if (r.Archived is { } archived) json.WriteString("archived", Iso(archived)); else json.WriteNull("archived");
            json.WriteString("firstSeen", Iso(r.FirstSeen));
            json.WriteString("verdictAt", Iso(r.VerdictAt));
            json.WriteStartObject("evidence");
            Number(json, "status", r.Status);
            json.WriteString("target", r.Target);
            json.WriteString("redirect", r.Redirect);
            json.WriteStartArray("warcRecords");
            foreach (var id in r.WarcRecords) json.WriteStringValue(id);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v); else json.WriteNull(name);
    }

    private static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) write(json);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
