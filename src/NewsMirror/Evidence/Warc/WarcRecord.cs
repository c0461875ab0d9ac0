using System.Globalization;
using System.Text;

namespace NewsMirror.Evidence.Warc;

/// <summary>One WARC/1.1 record: its named fields (Content-Length aside, which is the block's length) and its block.</summary>
public sealed class WarcRecord(IReadOnlyList<KeyValuePair<string, string>> fields, byte[] block)
{
    public const string Version = "WARC/1.1";

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;
    public byte[] Block => block;

    /// <summary>The first field of that name (names compare case-insensitively), or null.</summary>
    public string? this[string name] => fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? Type => this["WARC-Type"];
    public string? Id => this["WARC-Record-ID"];
    public string? TargetUri => this["WARC-Target-URI"];

    public DateTimeOffset? Date =>
        DateTimeOffset.TryParse(this["WARC-Date"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    /// <summary>The record as it is stored: version line, fields, Content-Length, blank line, block, two line ends.</summary>
    public byte[] ToBytes()
    {
        var head = Head(fields, block.Length);
        var bytes = new byte[head.Length + block.Length + End.Length];
        head.CopyTo(bytes, 0);
        block.CopyTo(bytes, head.Length);
        End.CopyTo(bytes.AsSpan(head.Length + block.Length));
        return bytes;
    }

    /// <summary>What ends every record, after its block.</summary>
    public static ReadOnlySpan<byte> End => "\r\n\r\n"u8;

    /// <summary>A record's version line, fields and Content-Length up to its block.</summary>
    public static byte[] Head(IReadOnlyList<KeyValuePair<string, string>> fields, long blockLength)
    {
        var head = new StringBuilder(Version).Append("\r\n");
        foreach (var (name, value) in fields) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(blockLength.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }

    /// <summary>A fresh <c>&lt;urn:uuid:…&gt;</c> record id.</summary>
    public static string NewId() => $"<urn:uuid:{Guid.NewGuid()}>";

    /// <summary>WARC-Date: UTC, with the sub-second digits WARC/1.1 allows (several fetches fall within one second).</summary>
    public static string FormatDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
