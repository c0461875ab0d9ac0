using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// A fingerprint of everything a page is rendered from. Each value is length-prefixed so that different sequences of
/// values can never hash alike by concatenation. XxHash128: change detection needs no cryptographic strength, and a
/// rebuild fingerprints every page of the site.
/// </summary>
internal sealed class InputHash
{
    private readonly XxHash128 _hash = new();

    /// <summary>Hashes the UTF-16 code units as they are: transcoding every title of the archive would cost more than the hashing.</summary>
    public InputHash Add(string value)
    {
        Add(value.Length);
        _hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    public InputHash AddHash(UInt128 value) => Add((long)(ulong)(value >> 64)).Add((long)(ulong)value);

    public InputHash Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.Append(bytes);
        return this;
    }

    public InputHash Add(long? value) => value is { } v ? Add(1).Add(v) : Add(0);

    /// <summary>
    /// The list fields of an article as any list page shows them. Its title and excerpt are read from its file, so the
    /// file's content hash stands for them: fingerprinting a page then decodes no title.
    /// </summary>
    public InputHash Add(SiteArticle article) =>
        Add(article.Folder).Add(article.Slug).AddHash(article.ContentHash).Add(article.TimestampMs).Add(article.ArchivedMs).Add(article.SourceIndex);

    public InputHash AddAll(IEnumerable<SiteArticle> articles)
    {
        int count = 0;
        foreach (var article in articles) { Add(article); count++; }
        return Add(count);
    }

    public UInt128 Finish() => _hash.GetCurrentHashAsUInt128();

    public static UInt128 Of(ReadOnlySpan<byte> content) => XxHash128.HashToUInt128(content);

    public static UInt128 Of(string content) => Of(Encoding.UTF8.GetBytes(content));
}
