using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// The duty-machine article file: exactly five lines — <c>&lt;!--ms--&gt;</c>, <c>[title](link)</c>,
/// <c>------</c>, an empty line, the body on one line — each ended by <c>\n</c>.
/// <see cref="Parse"/> is the exact inverse of <see cref="Render"/>.
/// </summary>
public static class ArticleFile
{
    private const int FirstHeaderRead = 4096;

    /// <summary>A header longer than this is not an article header (guards reading a huge non-article file).</summary>
    private const int MaxHeaderChars = 1 << 20;

    /// <exception cref="ArgumentException">The record cannot be written so that it reads back the same.</exception>
    public static string Render(ArticleRecord record)
    {
        if (record.Body.Contains('\n'))
            throw new ArgumentException("The body contains a line break; an article body is one line.", nameof(record));
        return ArticleFileSyntax.RenderHeader(record) + record.Body + "\n";
    }

    /// <exception cref="FormatException">The text is not an article file; the message says where it deviates.</exception>
    public static ArticleRecord Parse(string text) =>
        ParseOrExplain(text, out var record) is { } error ? throw new FormatException($"Not an article file: {error}.") : record!;

    public static bool TryParse(string text, [NotNullWhen(true)] out ArticleRecord? record) =>
        ParseOrExplain(text, out record) is null;

    /// <summary>Reads only as far as the end of line 2, so listing a large archive does not read bodies.</summary>
    /// <exception cref="FormatException">The file does not start with an article header.</exception>
    public static ArticleHeader ReadHeader(string path)
    {
        using var handle = File.OpenHandle(path);
        long offset = 0;
        return ReadHeader(buffer =>
        {
            int read = RandomAccess.Read(handle, buffer, offset);
            offset += read;
            return read;
        });
    }

    /// <inheritdoc cref="ReadHeader(string)"/>
    public static ArticleHeader ReadHeader(Stream stream) => ReadHeader(stream.Read);

    private delegate int ByteSource(Span<byte> buffer);

    private static ArticleHeader ReadHeader(ByteSource source)
    {
        var decoder = new UTF8Encoding(false).GetDecoder();
        var text = new StringBuilder();
        // The read size doubles so that a long header costs linear, not quadratic, rescanning.
        var bytes = new byte[FirstHeaderRead];
        int headerEnd;
        while ((headerEnd = ArticleFileSyntax.FindHeaderEnd(text.ToString())) < 0)
        {
            if (text.Length > MaxHeaderChars)
                throw new FormatException("Not an article file: line 2 does not end within the first mebibyte.");
            int read = source(bytes);
            if (read == 0) throw new FormatException("Not an article file: it ends before line 2 is complete.");
            var chars = new char[decoder.GetCharCount(bytes, 0, read, flush: false)];
            decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            text.Append(chars);
            if (read == bytes.Length) bytes = new byte[bytes.Length * 2];
        }
        if (ArticleFileSyntax.TryParseHeader(text.ToString(), headerEnd, out var header) is { } error)
            throw new FormatException($"Not an article file: {error}.");
        return header!;
    }

    private static string? ParseOrExplain(string text, out ArticleRecord? record)
    {
        record = null;
        if (ArticleFileSyntax.TryParseHeaderBlock(text, out var header, out int bodyStart) is { } error) return error;
        if (bodyStart >= text.Length || text[^1] != '\n')
            return "the body line does not end with a line break";
        int bodyEnd = text.Length - 1;
        if (text.IndexOf('\n', bodyStart, bodyEnd - bodyStart) >= 0)
            return "the body spans more than one line";

        record = new ArticleRecord(header!.TimestampMs, header.Title, header.Link, text[bodyStart..bodyEnd]);
        return null;
    }
}
