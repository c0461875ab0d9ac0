using System.Text;

namespace NewsMirror.Fetching.Decoding;

/// <summary>
/// How a document's bytes become text: the encoding chosen, the bytes it reads (the body less its byte order
/// mark, or the repaired bytes of double-encoded UTF-8) and the decisions worth reporting, each naming the
/// encoding and why.
/// </summary>
public sealed class CharsetDecision
{
    /// <summary>The encoding's name as the WHATWG Encoding Standard spells it ("UTF-8", "GBK", "windows-1252").</summary>
    public required string EncodingName { get; init; }

    /// <summary>Decodes <see cref="TextBytes"/>, C1 control characters mapped when the text holds any.</summary>
    public required Encoding Encoding { get; init; }

    /// <summary>The length of the byte order mark to skip.</summary>
    public int ByteOrderMarkLength { get; init; }

    /// <summary>The UTF-8 the body stood for when it was double-encoded; null otherwise.</summary>
    public byte[]? RepairedBytes { get; init; }

    /// <summary>What was decided and why, in the order decided; empty when the document said what it is and was.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The bytes to decode with <see cref="Encoding"/>.</summary>
    public ReadOnlySpan<byte> TextBytes(ReadOnlySpan<byte> body) => RepairedBytes ?? body[ByteOrderMarkLength..];

    public string Decode(ReadOnlySpan<byte> body) => Encoding.GetString(TextBytes(body));
}
