namespace NewsMirror.Running.Metrics;

/// <summary>
/// Writes a metrics file the way node_exporter's textfile collector expects: to a temporary file in the same
/// folder, then renamed over the target, so the collector never reads a half-written file. The temporary name
/// does not end in <c>.prom</c>, so the collector ignores it.
/// </summary>
public static class MetricsFile
{
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"metrics file {full}: no such folder {folder}");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
