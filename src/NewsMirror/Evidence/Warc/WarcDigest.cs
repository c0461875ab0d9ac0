using System.Security.Cryptography;
using System.Text;

namespace NewsMirror.Evidence.Warc;

/// <summary>WARC's digest labels: <c>sha1:</c> and the SHA-1 in base32 (RFC 4648 alphabet, no padding), as web-archive tools write them.</summary>
public static class WarcDigest
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Sha1(ReadOnlySpan<byte> bytes) => "sha1:" + Base32(SHA1.HashData(bytes));

    public static string Sha1(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(first);
        hash.AppendData(second);
        return "sha1:" + Base32(hash.GetHashAndReset());
    }

    private static string Base32(byte[] bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }
}
