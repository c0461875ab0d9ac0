using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsMirror.Archive;

namespace NewsMirror.Evidence.Probes;

/// <summary>
/// The committed probe logs: <c>.newsmirror/log/probes/&lt;folder&gt;.jsonl</c>, one line per probe, appended only.
/// They are the record of what happened to archived articles at their source; the catalog's probe tables are
/// rebuilt from them. A line torn by a crash is skipped on reading and sealed by the next append.
/// </summary>
public static class ProbeLog
{
    public const string FolderName = "probes";

    private static readonly ProbeLogJson Json = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static string Folder(ArchivePaths paths) => Path.Combine(paths.IdentityLogFolder, FolderName);

    public static string PathOf(ArchivePaths paths, string folder) => Path.Combine(Folder(paths), folder + ".jsonl");

    /// <summary>The archive folders that have a probe log.</summary>
    public static IEnumerable<string> Folders(ArchivePaths paths) => Directory.Exists(Folder(paths))
        ? Directory.EnumerateFiles(Folder(paths), "*.jsonl").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)
        : [];

    /// <summary>The complete lines from byte <paramref name="offset"/> on, and where the last complete line ends.</summary>
    public static (List<ProbeLogLine> Lines, long End) ReadFrom(string path, long offset)
    {
        var lines = new List<ProbeLogLine>();
        if (!File.Exists(path)) return (lines, 0);
        var bytes = ReadTail(path, offset);
        var start = 0;
        int newline;
        while ((newline = Array.IndexOf(bytes, (byte)'\n', start)) >= 0)
        {
            if (newline > start && Parse(bytes.AsSpan(start, newline - start)) is { } line) lines.Add(line);
            start = newline + 1;
        }
        return (lines, offset + start);
    }

    public static List<ProbeLogLine> Read(string path) => ReadFrom(path, 0).Lines;

    public static void Append(string path, IReadOnlyCollection<ProbeLogLine> lines)
    {
        if (lines.Count == 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        var text = new StringBuilder();
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n') text.Append('\n');
        }
        stream.Seek(0, SeekOrigin.End);
        foreach (var line in lines) text.Append(JsonSerializer.Serialize(line, Json.ProbeLogLine)).Append('\n');
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        // No fsync per probe (it cost more than the probe itself): a line lost in a crash is a probe made again,
        // and a torn one is skipped on reading.
        stream.Flush();
    }

    private static byte[] ReadTail(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (offset >= stream.Length) return [];
        stream.Seek(offset, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - offset];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static ProbeLogLine? Parse(ReadOnlySpan<byte> line)
    {
        try { return JsonSerializer.Deserialize(line, Json.ProbeLogLine); }
        catch (JsonException) { return null; } // a torn line from an interrupted append
    }
}

[JsonSerializable(typeof(ProbeLogLine))]
internal sealed partial class ProbeLogJson : JsonSerializerContext;
