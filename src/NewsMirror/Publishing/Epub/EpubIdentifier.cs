using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsMirror.Publishing.Epub;

/// <summary>
/// The digest's <c>dc:identifier</c>: a name-based UUID (RFC 9562 version 5) of the period's length, its last day and
/// the source, so that a digest made again for the same day and source replaces the earlier copy in a reader's library.
/// </summary>
internal static class EpubIdentifier
{
    /// <summary>A fixed namespace UUID of NewsMirror's digests.</summary>
    private static readonly byte[] Namespace = Guid.Parse("5d1c2f0e-8a57-4c53-9b0e-6e1f3a2b7c41").ToByteArray(bigEndian: true);

    public static string For(EpubDigestOptions options)
    {
        var name = string.Join('\n', "newsmirror-digest",
            options.Length.Ticks.ToString(CultureInfo.InvariantCulture),
            options.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            options.Source ?? "*");
        var hash = SHA1.HashData([.. Namespace, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString("D");
    }
}
