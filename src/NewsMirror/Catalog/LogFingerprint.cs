using System.Security.Cryptography;

namespace NewsMirror.Catalog;

/// <summary>
/// What the catalog remembers of an append-only log it has applied up to some length: hashes of its first and last
/// few KiB there. A log that still matches only grew, so only its new lines need applying; one that differs was
/// rewritten (a rebase, an edit) and is applied again from its start.
/// </summary>
public static class LogFingerprint
{
    private const int Bytes = 4096;

    /// <summary>Empty hashes for an empty prefix, a missing log, or one now shorter than <paramref name="upTo"/>.</summary>
    public static (string Head, string Tail) Of(string path, long upTo)
    {
        if (upTo == 0 || !File.Exists(path)) return ("", "");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length < upTo) return ("", "");
        var count = (int)Math.Min(Bytes, upTo);
        return (Hash(stream, 0, count), Hash(stream, Math.Max(0, upTo - Bytes), count));
    }

    private static string Hash(FileStream stream, long offset, int count)
    {
        var bytes = new byte[count];
        stream.Seek(offset, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
