using System.Text.Json.Nodes;

namespace NewsMirror.Cli.Commands;

internal enum Verbosity { Quiet, Normal, Verbose }

internal enum LogFormat { Text, Json }

/// <summary>
/// Messages about what a command does, on standard error so standard output stays the command's result.
/// Text lines read "newsmirror: …" (or "&lt;source&gt;: …"); JSON lines are objects with time, level, message and
/// the fields given (a JSON object, so writing it needs no reflection).
/// </summary>
internal sealed class CliLog(TextWriter output, Verbosity verbosity, LogFormat format)
{
    private readonly Lock _lock = new();

    public Verbosity Verbosity { get; } = verbosity;
    public LogFormat Format { get; } = format;

    public void Error(string message, string? source = null, JsonObject? fields = null) => Write("error", message, source, fields);

    public void Warning(string message, string? source = null, JsonObject? fields = null)
    {
        if (Verbosity != Verbosity.Quiet) Write("warning", message, source, fields);
    }

    public void Info(string message, string? source = null, JsonObject? fields = null)
    {
        if (Verbosity != Verbosity.Quiet) Write("info", message, source, fields);
    }

    public void Debug(string message, string? source = null, JsonObject? fields = null)
    {
        if (Verbosity == Verbosity.Verbose) Write("debug", message, source, fields);
    }

    private void Write(string level, string message, string? source, JsonObject? fields)
    {
        string line;
        if (Format == LogFormat.Json)
        {
            var entry = new JsonObject { ["time"] = DateTimeOffset.UtcNow, ["level"] = level, ["message"] = message };
            if (source is not null) entry["source"] = source;
            if (fields is not null)
                foreach (var (name, value) in fields) entry[name] = value?.DeepClone();
            line = CliJson.Serialize(entry);
        }
        else
        {
            var prefix = level is "error" or "warning" ? level + ": " : "";
            line = $"{source ?? "newsmirror"}: {prefix}{message}";
        }
        lock (_lock) output.WriteLine(line);
    }
}
