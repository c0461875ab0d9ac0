using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NewsMirror.Archive;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// An article's title and excerpt. Read from the manifest's text file only when a page being rendered shows them: a
/// rebuild fingerprints pages by content hash, so most builds decode none of the archive's titles. Safe to read from
/// several threads.
/// </summary>
internal sealed class ArticleText
{
    private sealed record Decoded(string Title, string Excerpt);

    private Decoded? _decoded;

    public ArticleText(string title, string excerpt) => _decoded = new Decoded(title, excerpt);

    /// <summary>A text stored in <paramref name="store"/>; <paramref name="article"/> is read again should the stored bytes prove damaged.</summary>
    public ArticleText(ArticleTextFile store, TextLocation location, ArchiveFile article)
    {
        Store = store;
        Location = location;
        _article = article;
    }

    private readonly ArchiveFile? _article;

    /// <summary>The file the text is stored in, if any, and where.</summary>
    public ArticleTextFile? Store { get; }
    public TextLocation Location { get; }

    public string Title => Decode().Title;
    public string Excerpt => Decode().Excerpt;

    /// <summary>The stored form: both strings length-prefixed, UTF-8.</summary>
    public byte[] Encoded()
    {
        if (Store?.Read(Location) is { } stored) return stored;
        var decoded = Decode();
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(decoded.Title);
            writer.Write(decoded.Excerpt);
        }
        return bytes.ToArray();
    }

    private Decoded Decode()
    {
        if (_decoded is { } decoded) return decoded;
        var stored = Store!.Read(Location);
        decoded = stored is null ? ReadArticle() : Parse(stored);
        _decoded = decoded;
        return decoded;
    }

    private static Decoded Parse(byte[] stored)
    {
        using var reader = new BinaryReader(new MemoryStream(stored, writable: false), Encoding.UTF8);
        return new Decoded(reader.ReadString(), reader.ReadString());
    }

    /// <summary>A damaged text file: the article file holds the same title and excerpt (its size and time matched the manifest's).</summary>
    private Decoded ReadArticle()
    {
        var path = Path.Combine(ArchiveScanner.ArticlesDirectory(Store!.ArchiveRoot, _article!.Folder), _article.FileName);
        var bytes = File.ReadAllBytes(path);
        var header = ArticleFile.ReadHeader(new MemoryStream(bytes, writable: false));
        return new Decoded(header.Title, SearchExcerpt.OfFile(bytes));
    }
}

/// <summary>Where a text lies in <see cref="ArticleTextFile"/>, with the checksum of its bytes.</summary>
internal readonly record struct TextLocation(long Offset, int Length, ulong Checksum);

/// <summary>
/// <c>&lt;out&gt;/.newsmirror/article-texts.bin</c>: the titles and excerpts of the manifest's articles, appended to by
/// each build that adds articles (most of the manifest's bytes, which a build thus neither reads nor writes whole). A
/// generation number ties it to <c>articles.bin</c>; it is written anew when most of it is no longer referred to.
/// </summary>
internal sealed class ArticleTextFile : IDisposable
{
    public const string FileName = "article-texts.bin";
    private const string Header = "newsmirror-site article-texts 1";

    private readonly SafeFileHandle _handle;

    private ArticleTextFile(string path, SafeFileHandle handle, ulong generation, string archiveRoot)
    {
        Path = path;
        _handle = handle;
        Generation = generation;
        ArchiveRoot = archiveRoot;
    }

    public string Path { get; }
    public ulong Generation { get; }
    public string ArchiveRoot { get; }
    public long Length => RandomAccess.GetLength(_handle);

    /// <summary>The file if it is of <paramref name="generation"/> and holds at least <paramref name="length"/> bytes; otherwise null.</summary>
    public static ArticleTextFile? Open(string path, ulong generation, long length, string archiveRoot)
    {
        SafeFileHandle handle;
        try
        {
            // Shared for writing and deleting: the build appends to it, or replaces it, while stamps still point into it.
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        var prefix = Prefix(generation);
        var read = new byte[prefix.Length];
        if (RandomAccess.GetLength(handle) < Math.Max(length, prefix.Length) ||
            RandomAccess.Read(handle, read, 0) != read.Length || !read.AsSpan().SequenceEqual(prefix))
        {
            handle.Dispose();
            return null;
        }
        return new ArticleTextFile(path, handle, generation, archiveRoot);
    }

    /// <summary>The stored bytes, or null when they are out of the file or fail their checksum.</summary>
    public byte[]? Read(TextLocation location)
    {
        if (location.Offset < 0 || location.Length < 0) return null;
        var bytes = new byte[location.Length];
        try
        {
            if (RandomAccess.Read(_handle, bytes, location.Offset) != bytes.Length) return null;
        }
        catch (IOException) { return null; }
        return XxHash64.HashToUInt64(bytes) == location.Checksum ? bytes : null;
    }

    /// <summary>The file's opening bytes: header and generation.</summary>
    public static byte[] Prefix(ulong generation)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Header);
            writer.Write(generation);
        }
        return bytes.ToArray();
    }

    public void Dispose() => _handle.Dispose();
}
