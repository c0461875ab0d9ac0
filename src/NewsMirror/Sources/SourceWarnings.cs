using System.Collections;

namespace NewsMirror.Sources;

/// <summary>
/// The warnings one source's pass gives (items skipped and why, bodies kept, images left remote), in the order they
/// were added. Every stage of the pass adds to the same one, article pages and images from concurrent fetches, so
/// adding and reading are safe from any thread without the caller taking a lock.
/// </summary>
public sealed class SourceWarnings : IEnumerable<string>
{
    private readonly List<string> _warnings = [];

    public int Count
    {
        get { lock (_warnings) return _warnings.Count; }
    }

    public void Add(string warning)
    {
        lock (_warnings) _warnings.Add(warning);
    }

    public void AddRange(IEnumerable<string> warnings)
    {
        lock (_warnings) _warnings.AddRange(warnings);
    }

    /// <summary>The warnings so far, as a list that later additions do not change.</summary>
    public List<string> ToList()
    {
        lock (_warnings) return [.. _warnings];
    }

    public IEnumerator<string> GetEnumerator() => ToList().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
