using System.Security.Cryptography;
using System.Text;

namespace NewsMirror.Archive;

/// <summary>A short fingerprint of an article's title and body, to tell a revised article from an unchanged one.</summary>
public static class ContentHash
{
    /// <summary>128 bits of SHA-256 as hex: unique enough for one archive, short enough for one log line per article.</summary>
    public static string Of(string title, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(title + "\n" + body);
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }

    public static string Of(ArticleRecord record) => Of(record.Title, record.Body);
}
