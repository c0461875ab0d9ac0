namespace NewsMirror.Feeds.Xml;

/// <summary>
/// Hands out one shared string per distinct short value (tag names, the whitespace between tags), so
/// a feed of thousands of items does not allocate the same "title" or "\n    " thousands of times.
/// Bounded: once full it simply allocates.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 2048;
    private const int MaxLength = 64;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength)
            return value.ToString();
        if (_lookup.TryGetValue(value, out var pooled))
            return pooled;
        var created = value.ToString();
        if (_strings.Count < MaxEntries)
            _strings.Add(created);
        return created;
    }
}
