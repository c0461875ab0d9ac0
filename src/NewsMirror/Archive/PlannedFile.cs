namespace NewsMirror.Archive;

/// <summary>An article file about to be created under the id its log line already names.</summary>
internal sealed record PlannedFile(long Id, string Name, byte[] Bytes, NewArticle Article)
{
    /// <summary>
    /// Several flushes in flight at once: each file is still on disk before it gets its name, but the file system
    /// can commit the batch together instead of waiting out one journal commit per file.
    /// </summary>
    private const int FlushesInFlight = 8;

    /// <summary>
    /// Creates each file unless its name is taken; which were created, in order. The data of all is flushed
    /// concurrently, then the files get their names one by one in id order, so a run stopped at any moment leaves the
    /// batch's first files and none after them, as writing one file at a time did: the next run gives the rest the same
    /// ids. When a write fails (disk full), the files before it are still created and the failure is thrown as is.
    /// </summary>
    public static bool[] CreateAll(string directory, IReadOnlyList<PlannedFile> files)
    {
        var temps = new string?[files.Count];
        var failure = FlushThreads.Run(files.Count, FlushesInFlight,
            i => temps[i] = AtomicFile.WriteHidden(Path.Combine(directory, files[i].Name), files[i].Bytes));

        var created = new bool[files.Count];
        int next = 0;
        try
        {
            for (; next < files.Count && temps[next] is { } temp; next++)
                created[next] = AtomicFile.TryMoveNew(temp, Path.Combine(directory, files[next].Name));
        }
        finally
        {
            // Flushed but not named (a write before them failed): no hidden file is left behind.
            foreach (var orphan in temps.Skip(next).OfType<string>()) File.Delete(orphan);
        }
        failure?.Throw();
        return created;
    }
}
