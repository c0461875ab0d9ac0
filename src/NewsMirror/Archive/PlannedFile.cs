using System.Runtime.ExceptionServices;

namespace NewsMirror.Archive;

/// <summary>An article file about to be created under the id its log line already names.</summary>
internal sealed record PlannedFile(long Id, string Name, byte[] Bytes, NewArticle Article)
{
    /// <summary>
    /// Several flushes in flight at once: each file is still on disk before it gets its name, but the file system
    /// can commit the batch together instead of waiting out one journal commit per file.
    /// </summary>
    private const int FlushesInFlight = 8;

    /// <summary>Creates each file unless its name is taken; which were created, in order. The first I/O failure is thrown as is.</summary>
    public static bool[] CreateAll(string directory, IReadOnlyList<PlannedFile> files)
    {
        var created = new bool[files.Count];
        try
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = FlushesInFlight },
                i => created[i] = AtomicFile.TryCreateNew(Path.Combine(directory, files[i].Name), files[i].Bytes));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return created;
    }
}
