using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMirror.Identity;

/// <summary>
/// An append-only JSON-lines file per folder, committed with the archive. It keeps what article files do
/// not hold (the feed's guid, content hashes, revisions) and lets identity be decided without reading every
/// article. Appending keeps git diffs one line per article; a line torn by a crash is skipped on reading and
/// sealed on the next append.
/// </summary>
public static class IdentityLog
{
    // Source-generated (de)serialisation: a fresh clone's catalog rebuild reads 10^5 lines and reflection would halve its speed.
    private static readonly IdentityLogJson Json = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>The lines that parse, and where the last complete line ends (a torn last line is not counted).</summary>
    public sealed record Chunk(List<IdentityLogEntry> Entries, long End);

    public static List<IdentityLogEntry> Read(string path) => ReadFrom(path, 0).Entries;

    /// <summary>The complete lines from byte <paramref name="offset"/> on: what a catalog that has applied the bytes before it still lacks.</summary>
    public static Chunk ReadFrom(string path, long offset)
    {
        var lines = new IdentityLogLines(path, offset);
        var entries = lines.Read().ToList();
        return new Chunk(entries, lines.End);
    }

    internal static IdentityLogEntry? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, Json.IdentityLogEntry);
        }
        catch (JsonException)
        {
            // A torn line from an interrupted append, sealed by the next one: its article is decided by its file.
            return null;
        }
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
            text.Append(JsonSerializer.Serialize(entry, Json.IdentityLogEntry)).Append('\n');
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush(flushToDisk: true);
    }

    private static bool EndsWithoutNewline(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }
}

[JsonSerializable(typeof(IdentityLogEntry))]
internal sealed partial class IdentityLogJson : JsonSerializerContext;
