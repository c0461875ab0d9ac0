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
    private const int HeaderReadChunk = 1024;

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
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        return ReadHeader(stream);
    }

    /// <inheritdoc cref="ReadHeader(string)"/>
    public static ArticleHeader ReadHeader(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false,
            bufferSize: HeaderReadChunk, leaveOpen: true);
        var text = new StringBuilder();
        // The chunk doubles so that a long header costs linear, not quadratic, rescanning.
        var chunk = new char[HeaderReadChunk];
        int headerEnd;
        while ((headerEnd = ArticleFileSyntax.FindHeaderEnd(text.ToString())) < 0)
        {
            if (text.Length > MaxHeaderChars)
                throw new FormatException("Not an article file: line 2 does not end within the first mebibyte.");
            int read = reader.ReadBlock(chunk, 0, chunk.Length);
            if (read == 0) throw new FormatException("Not an article file: it ends before line 2 is complete.");
            text.Append(chunk, 0, read);
            if (read == chunk.Length) chunk = new char[chunk.Length * 2];
        }
        var prefix = text.ToString();
        if (ArticleFileSyntax.TryParseHeader(prefix, headerEnd, out var header) is { } error)
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
