using System.Security.Cryptography;

namespace NewsMirror.Evidence.Manifests;

/// <summary>sha256 as 64 lower-case hex digits, the one form manifests write and compare.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Streams the file: WARC files run to hundreds of megabytes.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
