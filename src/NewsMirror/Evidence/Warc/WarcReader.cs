using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsMirror.Evidence.Warc;

/// <summary>Reads the records of a <c>.warc.gz</c> file in order (any gzip framing: one member per record or one for all).</summary>
public static class WarcReader
{
    /// <summary>
    /// The file's records. A file that ends inside a record (torn by a kill, not yet repaired) yields the records before
    /// it and then stops; <paramref name="problem"/> is told why.
    /// </summary>
    /// <exception cref="WarcFormatException">A record is not WARC (the message names the file and the offset).</exception>
    public static IEnumerable<WarcRecord> Read(string path, Action<string>? problem = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var input = new BufferedStream(gzip, 65536);
        long offset = 0;
        while (true)
        {
            WarcRecord? record;
            try
            {
                record = ReadRecord(input, ref offset, path);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                problem?.Invoke($"{path}: ends inside a record at byte {offset} of its content ({e.Message})");
                yield break;
            }
            if (record is null) yield break;
            yield return record;
        }
    }

    private static WarcRecord? ReadRecord(Stream input, ref long offset, string path)
    {
        var version = ReadLine(input, ref offset);
        while (version is "") version = ReadLine(input, ref offset);
        if (version is null) return null;
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            throw new WarcFormatException($"{path}: not a WARC record at byte {offset} of its content ('{Shorten(version)}')");
        var fields = new List<KeyValuePair<string, string>>();
        long? length = null;
        for (var line = ReadLine(input, ref offset); line != ""; line = ReadLine(input, ref offset))
        {
            if (line is null) throw new EndOfStreamException("inside the record's fields");
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new WarcFormatException($"{path}: malformed field '{Shorten(line)}' at byte {offset} of its content");
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                    : throw new WarcFormatException($"{path}: Content-Length '{Shorten(value)}' at byte {offset} of its content");
            else fields.Add(new(name, value));
        }
        if (length is not { } blockLength) throw new WarcFormatException($"{path}: a record without Content-Length at byte {offset} of its content");
        var block = new byte[blockLength];
        input.ReadExactly(block);
        offset += blockLength;
        Span<byte> end = stackalloc byte[4];
        input.ReadExactly(end);
        offset += 4;
        if (!end.SequenceEqual("\r\n\r\n"u8)) throw new WarcFormatException($"{path}: a record does not end with two line ends at byte {offset} of its content");
        return new WarcRecord(fields, block);
    }

    /// <summary>A line without its CRLF (or LF); null at the end of the input before any byte.</summary>
    private static string? ReadLine(Stream input, ref long offset)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0)
            {
                if (bytes.Count == 0) return null;
                throw new EndOfStreamException("inside a line");
            }
            offset++;
            if (b == '\n') break;
            bytes.Add((byte)b);
            if (bytes.Count > 64 * 1024) throw new WarcFormatException("a WARC header line longer than 64 KiB");
        }
        if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}

/// <summary>The file holds something that is not WARC (as opposed to ending early).</summary>
public sealed class WarcFormatException(string message) : Exception(message);
