namespace NewsMirror.Feeds;

/// <summary>
/// Collects the short human messages for recoveries the parser made. The same message is kept once,
/// and the list is capped so a feed full of one fault cannot flood the report.
/// </summary>
internal sealed class RecoveryLog
{
    private const int MaxMessages = 100;
    private readonly List<string> _messages = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Messages => _messages;

    public void Add(string message)
    {
        if (_messages.Count < MaxMessages && _seen.Add(message))
            _messages.Add(message);
    }
}
