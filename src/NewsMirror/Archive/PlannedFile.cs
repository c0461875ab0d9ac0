using System.Runtime.ExceptionServices;

namespace NewsMirror.Archive;

/// <summary>An article file about to be created under the id its log line names.</summary>
internal sealed record PlannedFile(long Id, string Name, byte[] Bytes, NewArticle Article)
{
    /// <summary>
    /// Creates each file unless its name is taken; which were created, in order. In three steps: every file's data is
    /// written under a hidden temp name without a flush and the batch is made durable together
    /// (<paramref name="durability"/>: one file-system sync instead of an fsync per file); then
    /// <paramref name="logWritten"/> is given the files written (the caller appends their identity-log lines); only
    /// then do the files get their names, one by one in id order. So a name never appears before its data is on disk
    /// and its log line written, and a run stopped at any moment leaves the batch's first files and none after them:
    /// the next run gives the rest the same ids. When a write fails (disk full), the files before it are still logged
    /// and created and the failure is thrown as is.
    /// </summary>
    public static bool[] CreateAll(string directory, IReadOnlyList<PlannedFile> files, Action<IReadOnlyList<PlannedFile>> logWritten,
        IBatchDurability durability)
    {
        var temps = new List<string>(files.Count);
        var created = new bool[files.Count];
        int next = 0;
        try
        {
            Exception? failure = null;
            try
            {
                foreach (var file in files) temps.Add(AtomicFile.WriteHidden(Path.Combine(directory, file.Name), file.Bytes, flushToDisk: false));
            }
            catch (Exception e)
            {
                failure = e;
            }
            if (temps.Count > 0)
            {
                durability.MakeDurable(temps);
                logWritten(files.Take(temps.Count).ToList());
            }
            for (; next < temps.Count; next++)
                created[next] = AtomicFile.TryMoveNew(temps[next], Path.Combine(directory, files[next].Name));
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            // Written but not named (a sync, log append or name before them failed): no hidden file is left behind.
            foreach (var orphan in temps.Skip(next)) File.Delete(orphan);
        }
        return created;
    }
}
