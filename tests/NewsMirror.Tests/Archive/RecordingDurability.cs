using NewsMirror.Archive;

namespace NewsMirror.Tests.Archive;

/// <summary>A stand-in for the file system's sync that lets a test look at the batch at the moment it is made durable.</summary>
internal sealed class RecordingDurability(Action<IReadOnlyList<string>> atSync) : IBatchDurability
{
    public int Calls { get; private set; }

    public void MakeDurable(IReadOnlyList<string> files)
    {
        Calls++;
        atSync(files);
    }
}
