using System.Text;
using System.Text.Json;

namespace NewsMirror.Archive;

/// <summary>
/// An append-only JSON-lines file per folder, committed with the archive. It keeps what article files do
/// not hold (the feed's guid) and lets identity be decided without reading every article. Appending keeps
/// git diffs one line per article; a line torn by a crash is skipped on reading and sealed on the next append.
/// </summary>
public static class IdentityLog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static List<IdentityLogEntry> Read(string path)
    {
        var entries = new List<IdentityLogEntry>();
        if (!File.Exists(path)) return entries;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize<IdentityLogEntry>(line, Json) is { } entry) entries.Add(entry);
            }
            catch (JsonException)
            {
                // A torn line from an interrupted append: the article file itself is still found by listing.
            }
        }
        return entries;
    }

    public static void Append(string path, IReadOnlyCollection<IdentityLogEntry> entries)
    {
        if (entries.Count == 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        var sealTornLine = stream.Length > 0 && EndsWithoutNewline(stream);
        stream.Seek(0, SeekOrigin.End);
        var text = new StringBuilder();
        if (sealTornLine) text.Append('\n');
        foreach (var entry in entries)
            text.Append(JsonSerializer.Serialize(entry, Json)).Append('\n');
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
    }

    private static bool EndsWithoutNewline(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }
}
