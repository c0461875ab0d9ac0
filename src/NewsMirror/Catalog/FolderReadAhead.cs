using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using NewsMirror.Archive;
using NewsMirror.Identity;

namespace NewsMirror.Catalog;

/// <summary>
/// Lists folders and parses their identity logs on a thread of its own, a bounded batch of lines ahead of the
/// caller: a new catalog's rows are inserted on one core while the next lines are parsed on the other, and
/// memory holds a few thousand lines, never a whole log.
/// </summary>
internal static class FolderReadAhead
{
    private const int BatchLines = 1024;
    private const int BatchesAhead = 4;

    /// <summary>One folder's listing and log lines, as far as the reader has got.</summary>
    public sealed class Folder(string name, HashSet<string> files)
    {
        private readonly BlockingCollection<(IdentityLogEntry Entry, long End)[]> _batches = new(BatchesAhead);
        private long? _end;
        private Exception? _failure;

        public string Name => name;
        public HashSet<string> Files => files;

        /// <summary>The log's lines, each with where it ends in the log, waiting for the reader where it has not got yet.</summary>
        public IEnumerable<(IdentityLogEntry Entry, long End)> Entries => _batches.GetConsumingEnumerable().SelectMany(batch => batch);

        /// <summary>Where the log's last complete line ends; throws what stopped the reader if it did not get there.</summary>
        public long End => _end ?? throw new IOException($"reading the identity log of {name} failed", _failure);

        internal void Read(string log, CancellationToken stop)
        {
            try
            {
                var lines = new IdentityLogLines(log, 0);
                foreach (var batch in lines.Read().Select(entry => (entry, lines.End)).Chunk(BatchLines)) _batches.Add(batch, stop);
                _end = lines.End;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _failure = e;
            }
            finally
            {
                _batches.CompleteAdding();
            }
        }
    }

    public static IEnumerable<Folder> Read(ArchivePaths paths, IReadOnlyList<string> folders)
    {
        using var ready = new BlockingCollection<Folder>(1);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var name in folders)
                {
                    var folder = new Folder(name, LogCatchUp.ListFiles(paths, name));
                    ready.Add(folder, stop.Token);
                    folder.Read(paths.IdentityLog(name), stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The caller stopped early.
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                ready.CompleteAdding();
            }
        }) { IsBackground = true, Name = "identity log reader" };
        reader.Start();
        try
        {
            foreach (var folder in ready.GetConsumingEnumerable()) yield return folder;
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }
}
