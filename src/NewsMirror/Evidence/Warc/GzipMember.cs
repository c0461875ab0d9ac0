using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace NewsMirror.Evidence.Warc;

/// <summary>
/// One gzip member per WARC record, as ISO 28500 recommends, so a reader can start at any record. Each member carries
/// its own length in an extra field (subfield "NM"; gzip readers skip extra fields), which lets a torn last member —
/// a write cut short by a kill — be found and cut off without decompressing the file.
/// </summary>
internal static class GzipMember
{
    private const int HeaderLength = 10 + 2 + 4 + 8;
    private const int TrailerLength = 8;

    /// <remarks>
    /// Level 2: every fetched feed passes through here, and at the default level (6) compressing them was a quarter
    /// of an hourly run's CPU (docs/PERFORMANCE.md). zlib-ng's level 1 ("Fastest") uses its quick strategy, whose files
    /// were 40 % larger; level 2 costs about as little here and its files are 6 % larger than level 6's.
    /// </remarks>
    private static readonly ZLibCompressionOptions Level = new() { CompressionLevel = 2 };

    public static byte[] Compress(ReadOnlySpan<byte> data) => Compress([data.ToArray()]);

    /// <summary>One member holding <paramref name="parts"/> one after the other, without joining them first (a feed can be megabytes).</summary>
    public static byte[] Compress(params ReadOnlySpan<ReadOnlyMemory<byte>> parts)
    {
        long dataLength = 0;
        var crc = new Crc32();
        foreach (var part in parts)
        {
            dataLength += part.Length;
            crc.Append(part.Span);
        }
        // Text and markup deflate to about a third: sized so that the buffer seldom has to grow and copy.
        var deflated = new MemoryStream((int)Math.Min(int.MaxValue / 2, dataLength / 3 + 256));
        using (var deflate = new DeflateStream(deflated, Level, leaveOpen: true))
            foreach (var part in parts) deflate.Write(part.Span);
        var length = HeaderLength + (int)deflated.Length + TrailerLength;
        var member = new byte[length];
        ReadOnlySpan<byte> fixedHeader = [0x1f, 0x8b, 8, 4 /* FEXTRA */, 0, 0, 0, 0, 0, 255 /* OS unknown */, 12, 0, (byte)'N', (byte)'M', 8, 0];
        fixedHeader.CopyTo(member);
        BinaryPrimitives.WriteInt64LittleEndian(member.AsSpan(16), length);
        deflated.GetBuffer().AsSpan(0, (int)deflated.Length).CopyTo(member.AsSpan(HeaderLength));
        BinaryPrimitives.WriteUInt32LittleEndian(member.AsSpan(length - 8), crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(member.AsSpan(length - 4), (uint)dataLength);
        return member;
    }

    /// <summary>What a scan of a file's members found.</summary>
    /// <param name="CompleteLength">Where the last complete member ends.</param>
    /// <param name="Foreign">A member not written by <see cref="Compress"/> was met: the file is not ours to cut.</param>
    public readonly record struct Scan(long CompleteLength, long FileLength, bool Foreign)
    {
        public bool Torn => !Foreign && CompleteLength < FileLength;
    }

    public static Scan ScanFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[HeaderLength];
        long offset = 0, lastStart = -1;
        while (offset < file.Length)
        {
            file.Position = offset;
            if (file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength) break;
            if (header[0] != 0x1f || header[1] != 0x8b || header[3] != 4 || header[12] != 'N' || header[13] != 'M')
                return new Scan(offset, file.Length, Foreign: true);
            var length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16));
            if (length < HeaderLength + TrailerLength || offset + length > file.Length) break;
            lastStart = offset;
            offset += length;
        }
        // Whole by its length, the last member is also checked whole by its content (CRC and size), cheaply: one record.
        if (lastStart >= 0 && !Inflates(file, lastStart, offset - lastStart)) offset = lastStart;
        return new Scan(offset, file.Length, Foreign: false);
    }

    private static bool Inflates(FileStream file, long start, long length)
    {
        var bytes = new byte[length];
        file.Position = start;
        file.ReadExactly(bytes);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            gzip.CopyTo(Stream.Null);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
