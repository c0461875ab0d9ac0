using System.Text;

namespace NewsMirror.Archive;

/// <summary>
/// Writes that never leave a half-written file under the target name: the data goes to a hidden temp file in the
/// same folder (so the final move is a rename within one file system), is flushed to disk, then moved into place.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(false);

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>, replacing any existing file.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> data)
    {
        var temp = WriteHidden(path, data);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM, replacing any existing file.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8WithoutBom.GetBytes(text));

    /// <summary>
    /// Creates <paramref name="path"/> with <paramref name="data"/> unless a file of that name exists; false then,
    /// and the existing file is untouched. The archive writes article files this way so none is ever overwritten.
    /// </summary>
    public static bool TryCreateNew(string path, ReadOnlySpan<byte> data) => !File.Exists(path) && TryMoveNew(WriteHidden(path, data), path);

    /// <summary>The second half: moves <paramref name="temp"/> to <paramref name="path"/> unless that name exists (false; the temp file is deleted).</summary>
    public static bool TryMoveNew(string temp, string path)
    {
        bool created;
        try
        {
            created = NoReplaceMove.TryMove(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        if (!created) File.Delete(temp);
        return created;
    }

    /// <summary>Whether <paramref name="path"/> names one of these temp files (left behind only when a writer was killed).</summary>
    public static bool IsTempFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == TempNameLength && name[0] == '.' && name.EndsWith(".tmp", StringComparison.Ordinal) &&
            Guid.TryParseExact(name.AsSpan(1, 32), "N", out _);
    }

    private const int TempNameLength = 1 + 32 + 4;

    /// <summary>
    /// The first half of <see cref="TryCreateNew"/>: <paramref name="data"/> flushed to disk under a hidden temp name beside
    /// <paramref name="path"/>; <see cref="TryMoveNew"/> gives it its name. Returns the temp file's path. The hidden temp
    /// name starts with '.' and ends with ".tmp" so listings of article files skip it.
    /// </summary>
    public static string WriteHidden(string path, ReadOnlySpan<byte> data)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            stream.Write(data);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            File.Delete(temp);
            // Name the file being written, not the temp file, and keep the system's reason ("No space left on device").
            throw new IOException($"cannot write {path}: {e.Message.Split(" : '")[0]}", e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return temp;
    }
}
