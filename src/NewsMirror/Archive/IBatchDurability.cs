namespace NewsMirror.Archive;

/// <summary>Makes a batch of written files durable together, before any of them gets its name or a log line.</summary>
internal interface IBatchDurability
{
    /// <summary>Returns once the data of every file in <paramref name="files"/> (all written, none named yet) is on disk.</summary>
    void MakeDurable(IReadOnlyList<string> files);
}
