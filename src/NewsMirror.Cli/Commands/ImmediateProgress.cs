namespace NewsMirror.Cli.Commands;

/// <summary>
/// Reports on the caller's thread, at once: <see cref="Progress{T}"/> posts to the thread pool, so its messages
/// could arrive after the summary they precede.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
