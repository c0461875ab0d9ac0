namespace NewsMirror.Identity;

/// <summary>
/// The complete lines of an identity log read backward from its end, newest first, with the byte offset each starts
/// at: a folder's newest articles are its last lines, so a run can know them without reading the whole log. Reading
/// stops after <paramref name="maxBytes"/> (the caller then knows only the lines given); <see cref="ReachedStart"/>
/// says whether every line was given. A torn last line (no newline) and lines that do not parse are skipped, as
/// <see cref="IdentityLogLines"/> skips them.
/// </summary>
public sealed class IdentityLogTail(string path, long maxBytes)
{
    private const int ChunkBytes = 1 << 18;

    /// <summary>Whether the enumeration got to the log's first line (true for a missing log); valid once it ended.</summary>
    public bool ReachedStart { get; private set; }

    public IEnumerable<(long Offset, IdentityLogEntry Entry)> Read()
    {
        ReachedStart = false;
        if (!File.Exists(path))
        {
            ReachedStart = true;
            yield break;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        long length = stream.Length;
        // held = the file's bytes [start, limit): what is read and not yet given; limit is just after a newline once sealed.
        byte[] held = [];
        long start = length, limit = length;
        bool sealedEnd = false;
        while (true)
        {
            long lineOffset = -1;
            IdentityLogEntry? entry = null;
            var span = held.AsSpan(0, (int)(limit - start));
            if (!sealedEnd)
            {
                int last = span.LastIndexOf((byte)'\n');
                if (last >= 0)
                {
                    limit = start + last + 1; // what follows the last newline is a torn line
                    sealedEnd = true;
                    continue;
                }
            }
            else
            {
                int previous = span.Length == 0 ? -1 : span[..^1].LastIndexOf((byte)'\n');
                if (previous >= 0 || start == 0)
                {
                    int lineStart = previous + 1;
                    if (span.Length - 1 > lineStart) entry = IdentityLog.Parse(span[lineStart..^1]);
                    lineOffset = start + lineStart;
                }
            }
            if (lineOffset >= 0)
            {
                limit = lineOffset;
                if (entry is not null) yield return (lineOffset, entry);
                if (limit == 0)
                {
                    ReachedStart = true;
                    yield break;
                }
                continue;
            }
            if (start == 0)
            {
                // The whole file is one torn line (or empty).
                ReachedStart = true;
                yield break;
            }
            if (length - start >= maxBytes) yield break;
            int size = (int)Math.Min(ChunkBytes, start);
            var grown = new byte[size + (limit - start)];
            stream.Position = start - size;
            stream.ReadExactly(grown, 0, size);
            held.AsSpan(0, (int)(limit - start)).CopyTo(grown.AsSpan(size));
            held = grown;
            start -= size;
        }
    }
}
