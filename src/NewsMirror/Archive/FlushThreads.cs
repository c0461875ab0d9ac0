using System.Runtime.ExceptionServices;

namespace NewsMirror.Archive;

/// <summary>
/// Runs blocking writes that wait on the disk (each ending in a flush) several at a time on threads of their own. On
/// the thread pool they took the workers other sources needed for parsing and cleaning, and with every worker busy
/// the pool gave the loop few more: a source's 300 flushes ran nearly one after another while the others waited for
/// a thread. A flush costs almost no CPU, so threads that only wait on it leave the cores to the rest of the run.
/// </summary>
internal static class FlushThreads
{
    /// <summary>
    /// Calls <paramref name="write"/> for each index below <paramref name="count"/>, at most <paramref name="inFlight"/>
    /// at once (the calling thread is one of them). After the first failure no new index is started; the failure is
    /// returned, and the indexes not written are those whose work never ran or threw.
    /// </summary>
    public static ExceptionDispatchInfo? Run(int count, int inFlight, Action<int> write)
    {
        int next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            int i;
            while (Volatile.Read(ref failure) is null && (i = Interlocked.Increment(ref next)) < count)
            {
                try { write(i); }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
            }
        }

        var helpers = new Thread[Math.Clamp(count, 1, inFlight) - 1];
        for (int t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Work) { IsBackground = true, Name = "article flush" };
            helpers[t].Start();
        }
        Work();
        foreach (var helper in helpers) helper.Join();
        return failure;
    }
}
