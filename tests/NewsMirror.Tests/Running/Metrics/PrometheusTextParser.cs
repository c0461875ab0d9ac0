using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsMirror.Tests.Running.Metrics;

/// <summary>One sample of a Prometheus text document: metric name, label values (unescaped) and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict reader of Prometheus' text exposition format, enough to check what NewsMirror writes: every line is
/// a HELP, TYPE or other comment, or <c>name{label="value",…} number</c>; names and label names valid; label
/// values only with the escapes the format defines; each family's TYPE before its samples.
/// </summary>
public static partial class PrometheusTextParser
{
    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public sealed record Document(IReadOnlyDictionary<string, string> TypeOf, IReadOnlyDictionary<string, string> HelpOf, IReadOnlyList<PrometheusSample> Samples);

    public static Document Parse(string text)
    {
        if (!text.EndsWith('\n')) throw new FormatException("the document must end with a line feed");
        var types = new Dictionary<string, string>();
        var helps = new Dictionary<string, string>();
        var samples = new List<PrometheusSample>();
        foreach (var line in text[..^1].Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ', 2);
                if (!MetricName().IsMatch(parts[0]) || parts.Length != 2) throw new FormatException($"bad comment line: {line}");
                if (line[2] == 'H')
                {
                    if (!helps.TryAdd(parts[0], parts[1])) throw new FormatException($"second HELP for {parts[0]}");
                }
                else
                {
                    if (!Types.Contains(parts[1])) throw new FormatException($"unknown type: {line}");
                    if (samples.Any(s => s.Name == parts[0])) throw new FormatException($"TYPE after samples of {parts[0]}");
                    if (!types.TryAdd(parts[0], parts[1])) throw new FormatException($"second TYPE for {parts[0]}");
                }
            }
            else if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            else samples.Add(Sample(line));
        }
        return new Document(types, helps, samples);
    }

    private static PrometheusSample Sample(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ') i++;
        var name = line[..i];
        if (!MetricName().IsMatch(name)) throw new FormatException($"bad metric name: {line}");
        var labels = new Dictionary<string, string>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var equals = line.IndexOf('=', i);
                var label = line[i..equals];
                if (!LabelName().IsMatch(label)) throw new FormatException($"bad label name '{label}': {line}");
                i = equals + 1;
                if (line[i] != '"') throw new FormatException($"label value not quoted: {line}");
                i++;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"bad escape \\{line[i]}: {line}"),
                        });
                    }
                    else value.Append(line[i]);
                    i++;
                }
                i++;
                if (!labels.TryAdd(label, value.ToString())) throw new FormatException($"label {label} twice: {line}");
                if (line[i] == ',') i++;
                else if (line[i] != '}') throw new FormatException($"expected , or }} after a label: {line}");
            }
            i++;
        }
        var rest = line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (line[i] != ' ' || rest.Length is < 1 or > 2) throw new FormatException($"expected ' value [timestamp]': {line}");
        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            throw new FormatException($"bad timestamp: {line}");
        return new PrometheusSample(name, labels, Number(rest[0], line));
    }

    private static double Number(string text, string line) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"bad value: {line}"),
    };
}
