using System.Collections.Concurrent;

namespace NewsMirror.Fetching;

/// <summary>Caps concurrent requests per host, so fetching many article pages stays polite to each outlet.</summary>
public sealed class HostLimiter(int perHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<T> RunAsync<T>(string host, Func<Task<T>> work, CancellationToken cancel)
    {
        var gate = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(perHost));
        await gate.WaitAsync(cancel);
        try { return await work(); }
        finally { gate.Release(); }
    }
}
