namespace NewsMirror.Publishing.Site;

/// <summary>
/// The postings of one contiguous range of documents, as one worker collects them: per document, the ids of its
/// distinct terms appended to one flat array (id × 2, plus 1 when found by the body only), in the order they first
/// occur. A term repeated within a document is recognised by the last document it was posted for, an array indexed by
/// term id, so a repeat costs one id look-up and no list. Title terms are fed before body terms, so a term of both is
/// posted once, for the title: search ranks title hits higher and needs nothing more of the body.
/// </summary>
internal sealed class SearchPostingsSlice(int firstDocument, int documentCount)
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private int[] _lastDocument = NewLastDocuments(1024);
    private readonly List<int[]> _chunks = [];
    private int[] _chunk = [];
    private int _inChunk = ChunkSize;
    private long _count;
    private int _document = -1;
    private int _bodyFlag;

    public SearchTermIds Terms { get; } = new();
    public int FirstDocument => firstDocument;

    /// <summary>Per document of the range, how many postings the slice held after it.</summary>
    public long[] DocumentEnds { get; } = new long[documentCount];

    public long Count => _count;

    /// <summary>Starts the title (<paramref name="inBody"/> false) or body of <paramref name="document"/>; documents come in ascending order, each title before its body.</summary>
    public void Begin(int document, bool inBody)
    {
        _document = document;
        _bodyFlag = inBody ? 1 : 0;
    }

    /// <summary>Closes the current document's postings.</summary>
    public void End() => DocumentEnds[_document - firstDocument] = _count;

    public void Term(ReadOnlySpan<char> term)
    {
        int id = Terms.IdOf(term);
        if (id >= _lastDocument.Length)
        {
            var grown = NewLastDocuments(_lastDocument.Length * 2);
            _lastDocument.CopyTo(grown, 0);
            _lastDocument = grown;
        }
        else if (_lastDocument[id] == _document)
        {
            return;
        }
        _lastDocument[id] = _document;
        if (_inChunk == ChunkSize)
        {
            _chunks.Add(_chunk = new int[ChunkSize]);
            _inChunk = 0;
        }
        _chunk[_inChunk++] = id << 1 | _bodyFlag;
        _count++;
    }

    /// <summary>The postings in order, chunk by chunk (the last one partly filled).</summary>
    public IEnumerable<ReadOnlyMemory<int>> Chunks()
    {
        for (int i = 0; i < _chunks.Count; i++)
            yield return _chunks[i].AsMemory(0, i + 1 < _chunks.Count ? ChunkSize : _inChunk);
    }

    /// <summary>Feeds terms to the slice; a struct, so the tokenizer's generic code is compiled for it and calls it directly.</summary>
    public readonly struct Sink(SearchPostingsSlice slice) : ISearchTermSink
    {
        public void Term(ReadOnlySpan<char> term) => slice.Term(term);
    }

    private static int[] NewLastDocuments(int length)
    {
        var documents = new int[length];
        Array.Fill(documents, -1);
        return documents;
    }

    /// <summary>Lets the postings go once they have been copied out.</summary>
    public void Release() => _chunks.Clear();
}
