namespace NewsMirror.Identity;

/// <summary>
/// The complete lines of an identity log from a byte offset on, read as a stream: a fresh clone's catalog
/// rebuild reads logs of 10^5 lines and 40 MB, which are never held whole. <see cref="End"/> is where the last
/// complete line read ends (a torn last line is not counted), valid once <see cref="Read"/> has been enumerated.
/// </summary>
public sealed class IdentityLogLines(string path, long offset)
{
    private const int BufferBytes = 1 << 16;

    public long End { get; private set; }

    public IEnumerable<IdentityLogEntry> Read()
    {
        End = 0;
        if (!File.Exists(path)) yield break;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        if (offset >= stream.Length)
        {
            End = Math.Min(offset, stream.Length);
            yield break;
        }
        stream.Seek(offset, SeekOrigin.Begin);
        End = offset;
        var buffer = new byte[BufferBytes];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) yield break;
            filled += read;
            int start = 0;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
            {
                var entry = newline > start ? IdentityLog.Parse(buffer.AsSpan(start, newline - start)) : null;
                End += newline + 1 - start;
                start = newline + 1;
                if (entry is not null) yield return entry;
            }
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
        }
    }
}
