using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace NewsMirror.Cli.Commands;

/// <summary>
/// How every command writes JSON: through a source-generated type (no reflection, so the command runs the same
/// when compiled ahead of time) and with Chinese and other text left readable (relaxed escaping). Each command
/// declares its output records and their <c>JsonSerializerContext</c> in a <c>…Json.cs</c> file beside it.
/// </summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value, JsonTypeInfo<T> type) =>
        Write(writer => JsonSerializer.Serialize(writer, value, type));

    public static string Serialize(JsonNode node) => Write(writer => node.WriteTo(writer));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
