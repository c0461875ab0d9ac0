using System.Text;
using NewsMirror.Feeds.Xml;
using NewsMirror.Fetching.Decoding;
using NewsMirror.Identity;

namespace NewsMirror.Feeds;

/// <summary>Parses the bytes of any real-world feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) into a <see cref="FeedDocument"/>.</summary>
public static class FeedParser
{
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Throws FeedParseException (clear message) when the bytes are not a feed at all.</summary>
    public static FeedDocument Parse(ReadOnlySpan<byte> body, FeedParseOptions options)
    {
        if (body.Length > options.MaxDocumentBytes)
            throw new FeedParseException($"Not parsed: the document is {body.Length} bytes, more than the limit of {options.MaxDocumentBytes}.");
        var log = new RecoveryLog();
        var encoding = DocumentDecoder.Decide(body, options.ContentType, DocumentKind.Feed);
        foreach (var note in encoding.Notes)
            log.Add(note);
        var text = encoding.TextBytes(body);
        var start = FirstSignificantCharacter(text, encoding.Encoding);
        if (start is null)
            throw new FeedParseException("Not a feed: the document is empty.");
        var context = new FeedParseContext(options, log);
        if (start is '{' or '[')
            return JsonFeedReader.Read(ToUtf8(text, encoding.Encoding), context);
        return ParseXml(text, encoding.Encoding, context);
    }

    private static unsafe FeedDocument ParseXml(ReadOnlySpan<byte> text, Encoding encoding, FeedParseContext context)
    {
        XmlTreeReader.Result? result;
        string? rootName = null;
        var isHtml = false;
        // The span is pinned for the whole read so a StreamReader can decode it chunk by chunk
        // instead of materialising the whole document as one string.
        fixed (byte* bytes = text)
        {
            using var stream = new UnmanagedMemoryStream(bytes, text.Length);
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, ReadBufferSize);
            var tokenizer = new XmlTokenizer(reader, context.Log);
            result = new XmlTreeReader(tokenizer, context).Read(
                root =>
                {
                    rootName ??= root.QualifiedName;
                    return FeedRoots.ChooseReader(root, context);
                },
                element => isHtml = element.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase));
        }
        if (isHtml || result is null)
            throw NotAFeed(text, encoding, context.Options.BaseUrl, isHtml, rootName);
        var items = ItemIdentity.Disambiguate(result.Items, context.Log);
        var document = result.Reader.ReadFeed(result.Root, items);
        return document with { Errors = context.Log.Messages.ToList() };
    }

    private static FeedParseException NotAFeed(ReadOnlySpan<byte> text, Encoding encoding, Uri? baseUrl, bool isHtml, string? rootName)
    {
        var document = encoding.GetString(text);
        if (isHtml || HtmlFeedLinks.LooksLikeHtml(document))
            return new FeedParseException(HtmlFeedLinks.Describe(document, baseUrl));
        return new FeedParseException(rootName is null
            ? "Not a feed: the document contains no XML element."
            : $"Not a feed: the root element is <{rootName}>, not rss, RDF, feed or a JSON Feed object.");
    }

    private static char? FirstSignificantCharacter(ReadOnlySpan<byte> text, Encoding encoding)
    {
        Span<char> head = stackalloc char[256];
        var decoder = encoding.GetDecoder();
        var offset = 0;
        while (offset < text.Length)
        {
            var chunk = text.Slice(offset, Math.Min(512, text.Length - offset));
            decoder.Convert(chunk, head, flush: false, out var used, out var produced, out _);
            offset += used;
            foreach (var c in head[..produced])
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                    return c;
            if (used == 0)
                break;
        }
        return null;
    }

    private static byte[] ToUtf8(ReadOnlySpan<byte> text, Encoding encoding) =>
        encoding is UTF8Encoding ? text.ToArray() : Encoding.UTF8.GetBytes(encoding.GetString(text));
}
