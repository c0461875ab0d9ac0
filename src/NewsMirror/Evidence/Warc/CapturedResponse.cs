using System.Globalization;
using System.Text;

namespace NewsMirror.Evidence.Warc;

/// <summary>A captured HTTP response, read back from its WARC <c>response</c> record.</summary>
/// <param name="Headers">The response's headers in order, as captured.</param>
public sealed record CapturedResponse(Uri Target, DateTimeOffset Date, int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body, string RecordId, string File)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool Success => Status is >= 200 and <= 299;

    /// <summary>The response a <c>response</c> record holds; null for other records and blocks that are not an HTTP response.</summary>
    public static CapturedResponse? From(WarcRecord record, string file)
    {
        if (record.Type != "response" || record.Id is not { } id || record.Date is not { } date
            || !Uri.TryCreate(record.TargetUri, UriKind.Absolute, out var target)) return null;
        var block = record.Block;
        var headEnd = block.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0) return null;
        var lines = Encoding.Latin1.GetString(block, 0, headEnd).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return null;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new CapturedResponse(target, date, code, status.Length > 2 ? status[2] : "", headers, block[(headEnd + 4)..], id, file);
    }
}
