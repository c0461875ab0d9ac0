using System.Security.Cryptography;
using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// Serialises the short write step of one article folder across processes on this machine: an OS file lock
/// (flock) on a file in the temp folder, named after the folder's full path. The kernel drops it when its
/// holder dies, even by SIGKILL, so it never goes stale; and it leaves nothing in the archive.
/// </summary>
public sealed class FolderWriteLock : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(25);
    private readonly FileStream _handle;

    private FolderWriteLock(FileStream handle) => _handle = handle;

    public static async Task<FolderWriteLock> AcquireAsync(string folderPath, CancellationToken cancel)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folderPath))))[..32];
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "newsmirror-locks")).FullName;
        var path = Path.Combine(directory, name + ".lock");
        while (true)
        {
            try { return new FolderWriteLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
            catch (IOException) when (File.Exists(path))
            {
                // Held by another run's write step, which takes milliseconds to a few seconds.
                await Task.Delay(Retry, cancel);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
