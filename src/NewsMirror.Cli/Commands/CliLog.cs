using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsMirror.Cli.Commands;

internal enum Verbosity { Quiet, Normal, Verbose }

internal enum LogFormat { Text, Json }

/// <summary>
/// Messages about what a command does, on standard error so standard output stays the command's result.
/// Text lines read "newsmirror: …" (or "&lt;source&gt;: …"); JSON lines are objects with time, level, message and
/// the fields given.
/// </summary>
internal sealed class CliLog(TextWriter output, Verbosity verbosity, LogFormat format)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _lock = new();

    public Verbosity Verbosity { get; } = verbosity;
    public LogFormat Format { get; } = format;

    public void Error(string message, string? source = null, object? fields = null) => Write("error", message, source, fields);

    public void Warning(string message, string? source = null, object? fields = null)
    {
        if (Verbosity != Verbosity.Quiet) Write("warning", message, source, fields);
    }

    public void Info(string message, string? source = null, object? fields = null)
    {
        if (Verbosity != Verbosity.Quiet) Write("info", message, source, fields);
    }

    public void Debug(string message, string? source = null, object? fields = null)
    {
        if (Verbosity == Verbosity.Verbose) Write("debug", message, source, fields);
    }

    private void Write(string level, string message, string? source, object? fields)
    {
        string line;
        if (Format == LogFormat.Json)
        {
            var entry = new Dictionary<string, object?> { ["time"] = DateTimeOffset.UtcNow, ["level"] = level, ["message"] = message };
            if (source is not null) entry["source"] = source;
            if (fields is not null)
                foreach (var property in fields.GetType().GetProperties()) entry[property.Name] = property.GetValue(fields);
            line = JsonSerializer.Serialize(entry, Json);
        }
        else
        {
            var prefix = level is "error" or "warning" ? level + ": " : "";
            line = $"{source ?? "newsmirror"}: {prefix}{message}";
        }
        lock (_lock) output.WriteLine(line);
    }
}
