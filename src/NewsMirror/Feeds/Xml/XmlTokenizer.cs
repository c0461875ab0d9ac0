using System.Buffers;
using System.Text;

namespace NewsMirror.Feeds.Xml;

/// <summary>
/// A forgiving, streaming XML tokenizer written for feeds.
/// Why not System.Xml: XmlReader stops at the first bare '&amp;', undefined HTML entity (&amp;nbsp;),
/// illegal control character or truncated tail — all common in real feeds — and it normalises
/// "\r\n" and lone "\r" to "\n", while the archive must keep text exactly as the reference Node
/// parser saw it. This tokenizer never throws on malformed input: it recovers, notes the recovery in
/// the <see cref="RecoveryLog"/>, and goes on. It never processes a DTD (no external or custom
/// entities, so no XXE and no entity expansion) and reads the text through a fixed-size window that
/// only grows to hold one token.
/// </summary>
internal sealed class XmlTokenizer
{
    private const int InitialBufferSize = 64 * 1024;

    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create(" \t\r\n/>");

    private readonly TextReader _reader;
    private readonly RecoveryLog _log;
    private readonly XmlTextDecoder _decoder;
    private readonly StringPool _names = new();
    private char[] _buffer = new char[InitialBufferSize];
    private int _position;
    private int _end;
    private bool _readerDone;

    public XmlTokenizer(TextReader reader, RecoveryLog log)
    {
        _reader = reader;
        _log = log;
        _decoder = new XmlTextDecoder(log);
    }

    public XmlTokenKind Kind { get; private set; }

    /// <summary>Qualified name of the current start or end tag.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Attributes of the current start tag (valid until the next <see cref="Read"/>).</summary>
    public List<LenientAttribute> Attributes { get; } = [];

    public bool IsSelfClosing { get; private set; }

    /// <summary>Decoded text of the current text token.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The current text came from a CDATA section (its content is markup as written).</summary>
    public bool IsCData { get; private set; }

    public bool Read()
    {
        while (true)
        {
            if (!EnsureAvailable(1))
            {
                Kind = XmlTokenKind.EndOfDocument;
                return false;
            }
            if (_buffer[_position] != '<')
            {
                ReadText();
                return true;
            }
            EnsureAvailable(9);
            var next = _position + 1 < _end ? _buffer[_position + 1] : '\0';
            switch (next)
            {
                case '/':
                    ReadEndTag();
                    return true;
                case '!':
                    if (StartsWith("<![CDATA["))
                    {
                        ReadCData();
                        return true;
                    }
                    SkipDeclaration();
                    continue;
                case '?':
                    SkipUntil("?>");
                    continue;
                default:
                    if (IsNameStart(next))
                        return ReadStartTag();
                    _log.Add("bare < kept as text");
                    ReadText(includeFirst: true);
                    return true;
            }
        }
    }

    private void ReadText(bool includeFirst = false)
    {
        var offset = FindFrom(includeFirst ? 1 : 0, '<');
        var length = offset < 0 ? _end - _position : offset;
        var raw = _buffer.AsSpan(_position, length);
        Text = raw.IsWhiteSpace() ? _names.Get(raw) : _decoder.Decode(raw);
        IsCData = false;
        Kind = XmlTokenKind.Text;
        _position += length;
    }

    private void ReadCData()
    {
        const int open = 9;
        var close = FindFrom(open, "]]>");
        var length = close < 0 ? _end - _position - open : close - open;
        Text = _decoder.DropIllegalCharacters(_buffer.AsSpan(_position + open, length));
        IsCData = true;
        Kind = XmlTokenKind.Text;
        _position += close < 0 ? _end - _position : close + 3;
    }

    private void ReadEndTag()
    {
        var close = FindFrom(2, '>');
        var tagEnd = close < 0 ? _end - _position : close;
        var inner = _buffer.AsSpan(_position + 2, tagEnd - 2);
        var nameEnd = inner.IndexOfAny(TagNameEnd);
        Name = _names.Get((nameEnd < 0 ? inner : inner[..nameEnd]).Trim());
        Kind = XmlTokenKind.EndTag;
        _position += close < 0 ? tagEnd : close + 1;
    }

    /// <summary>Reads a start tag; false when the document ends inside it (the cut-off tag is dropped).</summary>
    private bool ReadStartTag()
    {
        var close = FindTagEnd(out var closedByNextTag);
        if (close < 0)
        {
            _position = _end;
            Kind = XmlTokenKind.EndOfDocument;
            return false;
        }
        var tag = _buffer.AsSpan(_position + 1, close - 1);
        IsSelfClosing = tag.Length > 0 && tag[^1] == '/';
        if (IsSelfClosing)
            tag = tag[..^1];
        var nameEnd = tag.IndexOfAny(TagNameEnd);
        Name = _names.Get(nameEnd < 0 ? tag : tag[..nameEnd]);
        Attributes.Clear();
        if (nameEnd >= 0)
            ReadAttributes(tag[nameEnd..]);
        Kind = XmlTokenKind.StartTag;
        _position += closedByNextTag ? close : close + 1;
        return true;
    }

    private void ReadAttributes(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '/'))
                i++;
            if (i >= text.Length)
                return;
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]) && text[i] != '/')
                i++;
            var name = text[nameStart..i].ToString();
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length || text[i] != '=')
            {
                _log.Add($"attribute {name} without value");
                Attributes.Add(new LenientAttribute(name, ""));
                continue;
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            ReadOnlySpan<char> raw;
            if (i < text.Length && text[i] is '"' or '\'')
            {
                var quote = text[i];
                var valueEnd = text[(i + 1)..].IndexOf(quote);
                raw = valueEnd < 0 ? text[(i + 1)..] : text.Slice(i + 1, valueEnd);
                i = valueEnd < 0 ? text.Length : i + valueEnd + 2;
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    i++;
                raw = text[valueStart..i];
                _log.Add("unquoted attribute value");
            }
            if (!ContainsName(name))
                Attributes.Add(new LenientAttribute(name, _decoder.Decode(raw)));
        }
    }

    private bool ContainsName(string name)
    {
        foreach (var attribute in Attributes)
            if (attribute.Name == name)
                return true;
        return false;
    }

    /// <summary>Skips a comment, DOCTYPE (with its internal subset, never interpreted) or other &lt;! declaration.</summary>
    private void SkipDeclaration()
    {
        if (StartsWith("<!--"))
        {
            SkipUntil("-->");
            return;
        }
        var depth = 0;
        var offset = 2;
        while (true)
        {
            if (!EnsureAvailable(offset + 1))
            {
                    _position = _end;
                return;
            }
            var c = _buffer[_position + offset];
            if (c == '[')
                depth++;
            else if (c == ']')
                depth--;
            else if (c == '>' && depth <= 0)
                break;
            offset++;
        }
        _position += offset + 1;
    }

    private void SkipUntil(string terminator)
    {
        var found = FindFrom(2, terminator);
        if (found < 0)
        {
            _position = _end;
            return;
        }
        _position += found + terminator.Length;
    }

    /// <summary>
    /// Offset of the '>' closing the start tag at the current position, skipping quoted attribute
    /// values; a '&lt;' outside quotes ends a broken tag early (it is not consumed). -1 at the end of the document.
    /// </summary>
    private int FindTagEnd(out bool closedByNextTag)
    {
        closedByNextTag = false;
        var offset = 1;
        var quote = '\0';
        var afterEquals = false;
        while (true)
        {
            if (_position + offset >= _end && !EnsureAvailable(offset + 1))
                return -1;
            var c = _buffer[_position + offset];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c == '>')
                return offset;
            else if (c == '<')
            {
                _log.Add("unclosed tag repaired");
                closedByNextTag = true;
                return offset;
            }
            else if (c is '"' or '\'' && afterEquals)
                quote = c;
            if (c == '=')
                afterEquals = true;
            else if (!char.IsWhiteSpace(c))
                afterEquals = false;
            offset++;
        }
    }

    private bool StartsWith(string prefix) =>
        _end - _position >= prefix.Length && _buffer.AsSpan(_position, prefix.Length).SequenceEqual(prefix);

    private int FindFrom(int offset, char target)
    {
        while (true)
        {
            var searched = _buffer.AsSpan(_position + offset, _end - _position - offset);
            var found = searched.IndexOf(target);
            if (found >= 0)
                return offset + found;
            offset = _end - _position;
            if (!Refill())
                return -1;
        }
    }

    private int FindFrom(int offset, string target)
    {
        while (true)
        {
            var searched = _buffer.AsSpan(_position + offset, _end - _position - offset);
            var found = searched.IndexOf(target.AsSpan());
            if (found >= 0)
                return offset + found;
            offset = Math.Max(offset, _end - _position - target.Length + 1);
            if (!Refill())
                return -1;
        }
    }

    private bool EnsureAvailable(int count)
    {
        while (_end - _position < count)
            if (!Refill())
                return false;
        return true;
    }

    /// <summary>Moves the unread tail to the front, grows the window if one token fills it, and reads more text.</summary>
    private bool Refill()
    {
        if (_readerDone)
            return false;
        if (_position > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _readerDone = true;
            return false;
        }
        _end += read;
        return true;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';
}
