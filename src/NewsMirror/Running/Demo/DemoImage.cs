using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace NewsMirror.Running.Demo;

/// <summary>Small generated PNG pictures for the demo's articles: a colour gradient with a few bands, a few hundred bytes each.</summary>
public static class DemoImage
{
    private const int Width = 160;
    private const int Height = 90;

    /// <summary>A PNG whose colours follow from <paramref name="seed"/>, so each article's picture differs.</summary>
    public static byte[] Png(int seed)
    {
        var random = new Random(seed);
        var (r, g, b) = (random.Next(40, 200), random.Next(40, 200), random.Next(40, 200));
        var band = random.Next(8, 24);
        var pixels = new byte[Height * (1 + Width * 3)];
        for (var y = 0; y < Height; y++)
        {
            var row = y * (1 + Width * 3);
            pixels[row] = 0; // filter: none
            for (var x = 0; x < Width; x++)
            {
                var shade = (x + y) / band % 2 == 0 ? 40 : 0;
                pixels[row + 1 + x * 3] = (byte)Math.Min(255, r + shade + y);
                pixels[row + 2 + x * 3] = (byte)Math.Min(255, g + shade);
                pixels[row + 3 + x * 3] = (byte)Math.Min(255, b + shade + x / 4);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per sample
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", Deflate(pixels));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return buffer.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typed));
        png.Write(number);
    }
}
