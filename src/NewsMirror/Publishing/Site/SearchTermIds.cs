namespace NewsMirror.Publishing.Site;

/// <summary>
/// Numbers the distinct terms of the search index (0, 1, 2… in order of first sight) so that postings can be kept as
/// plain ints. Nearly every occurrence is a CJK character or pair, so those avoid strings and string hashing: a single
/// UTF-16 unit is looked up in a flat table, two units packed into one uint key; longer words go through a string
/// dictionary searched by span. Not thread-safe: each worker keeps its own.
/// </summary>
internal sealed class SearchTermIds
{
    // Id + 1 of each one-unit term (0: not seen); 256 KiB, so it stays in cache.
    private readonly int[] _single = new int[char.MaxValue + 1];
    // Open addressing with linear probing: (id + 1) << 32 | packed units per slot, 0 when free; at most half full.
    private ulong[] _pairs = new ulong[1 << 12];
    private int _pairCount;
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

    // Per id: the packed units of a one- or two-unit term, or the word (for longer ones).
    private uint[] _shortKeys = new uint[1024];
    private string?[] _longTerms = new string?[1024];

    public SearchTermIds() => _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count { get; private set; }

    /// <summary>The id of <paramref name="term"/> (one UTF-16 unit or more), numbering it if it is new.</summary>
    public int IdOf(ReadOnlySpan<char> term)
    {
        if (term.Length == 1)
        {
            ref int single = ref _single[term[0]];
            if (single == 0) single = Add(term[0], null) + 1;
            return single - 1;
        }
        if (term.Length == 2) return PairIdOf((uint)term[0] << 16 | term[1]);
        if (_wordLookup.TryGetValue(term, out int id)) return id;
        var word = term.ToString();
        id = Add(0, word);
        _words.Add(word, id);
        return id;
    }

    /// <summary>The text of term <paramref name="id"/>.</summary>
    public string TermOf(int id)
    {
        if (_longTerms[id] is { } word) return word;
        uint key = _shortKeys[id];
        return key > 0xFFFF ? new string([(char)(key >> 16), (char)(key & 0xFFFF)]) : ((char)key).ToString();
    }

    /// <summary>The id that <paramref name="other"/>'s term <paramref name="id"/> has here, numbering it if it is new.</summary>
    public int IdOf(SearchTermIds other, int id)
    {
        if (other._longTerms[id] is { } word) return IdOf(word);
        uint key = other._shortKeys[id];
        Span<char> units = [(char)(key >> 16), (char)(key & 0xFFFF)];
        return IdOf(key > 0xFFFF ? units : units[1..]);
    }

    private int PairIdOf(uint key)
    {
        int mask = _pairs.Length - 1;
        for (int slot = Slot(key, mask); ; slot = (slot + 1) & mask)
        {
            ulong entry = _pairs[slot];
            if (entry == 0)
            {
                int id = Add(key, null);
                _pairs[slot] = (ulong)(id + 1) << 32 | key;
                if (++_pairCount * 2 > _pairs.Length) GrowPairs();
                return id;
            }
            if ((uint)entry == key) return (int)(entry >> 32) - 1;
        }
    }

    private void GrowPairs()
    {
        var old = _pairs;
        _pairs = new ulong[old.Length * 2];
        int mask = _pairs.Length - 1;
        foreach (ulong entry in old)
        {
            if (entry == 0) continue;
            int slot = Slot((uint)entry, mask);
            while (_pairs[slot] != 0) slot = (slot + 1) & mask;
            _pairs[slot] = entry;
        }
    }

    /// <summary>Fibonacci hashing: CJK pairs differ mostly in their low bits, which the multiplication spreads.</summary>
    private static int Slot(uint key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private int Add(uint shortKey, string? word)
    {
        int id = Count++;
        if (id == _shortKeys.Length)
        {
            Array.Resize(ref _shortKeys, id * 2);
            Array.Resize(ref _longTerms, id * 2);
        }
        _shortKeys[id] = shortKey;
        _longTerms[id] = word;
        return id;
    }
}
