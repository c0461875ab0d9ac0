namespace NewsMirror.Bodies;

/// <summary>
/// Recognises raster images by their first bytes. A server's Content-Type is not trusted: an HTML page or a
/// script labelled image/png must not land in the archive's assets. SVG is refused, as it can carry script.
/// </summary>
public static class ImageFormat
{
    public static string? Extension(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "jpg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "webp",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'a', (byte)'v', (byte)'i', (byte)'f', ..] => "avif",
        [(byte)'B', (byte)'M', ..] => "bmp",
        _ => null,
    };
}
