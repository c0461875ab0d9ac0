using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// Writes the site's files so that a rebuild touches only what changed: a page whose input fingerprint matches the
/// previous build is not even rendered; a rendered page whose bytes match what is on disk is not written; a page the
/// previous build wrote and this one did not is deleted. Safe to call from several threads.
/// </summary>
internal sealed class IncrementalWriter(string outputDirectory, SiteManifest previous)
{
    private static readonly UTF8Encoding Utf8 = new(false);
    // Sized up front: growing a concurrent dictionary locks every bucket while it copies.
    private readonly ConcurrentDictionary<string, PageStamp> _pages =
        new(Environment.ProcessorCount * 4, previous.Pages.Count + 1024, StringComparer.Ordinal);

    /// <summary>The files in the output folder when the build began: one directory listing instead of a stat per page.</summary>
    private readonly HashSet<string> _existing = ListFiles(outputDirectory);
    private int _rendered;
    private int _written;

    public int Rendered => _rendered;
    public int Written => _written;
    public int Pages => _pages.Count;

    public void Publish(PageJob job)
    {
        var fullPath = FullPath(job.Path);
        previous.Pages.TryGetValue(job.Path, out var old);
        if (old is not null && old.InputHash == job.InputHash && _existing.Contains(job.Path))
        {
            _pages[job.Path] = old;
            return;
        }

        Interlocked.Increment(ref _rendered);
        var bytes = Utf8.GetBytes(job.Render());
        var outputHash = InputHash.Of(bytes);
        if (!IsOnDisk(fullPath, bytes, _existing.Contains(job.Path), old?.OutputHash == outputHash))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllBytes(fullPath, bytes);
            Interlocked.Increment(ref _written);
        }
        _pages[job.Path] = new PageStamp(job.InputHash, outputHash);
    }

    /// <summary>Whether a file of the previous build is on disk as that build wrote it (as far as the manifest knows).</summary>
    public bool IsIntact(string path) => previous.Pages.ContainsKey(path) && _existing.Contains(path);

    /// <summary>Keeps a file of the previous build as it is, without rendering it; see <see cref="IsIntact"/>.</summary>
    public void Keep(string path) => _pages[path] = previous.Pages[path];

    /// <summary>Deletes the pages of the previous build that this build did not publish; returns how many.</summary>
    public int DeleteStalePages()
    {
        int deleted = 0;
        foreach (var path in previous.Pages.Keys.Where(p => !_pages.ContainsKey(p)))
        {
            var fullPath = FullPath(path);
            if (!File.Exists(fullPath)) continue;
            File.Delete(fullPath);
            deleted++;
            DeleteEmptyParents(Path.GetDirectoryName(fullPath)!);
        }
        return deleted;
    }

    public void RecordInto(SiteManifest next)
    {
        foreach (var (path, stamp) in _pages) next.Pages[path] = stamp;
    }

    /// <summary>With a matching manifest hash the file is trusted; without one the bytes on disk are compared.</summary>
    private static bool IsOnDisk(string fullPath, byte[] bytes, bool exists, bool manifestMatches)
    {
        if (!exists) return false;
        if (manifestMatches) return true;
        var info = new FileInfo(fullPath);
        return info.Length == bytes.Length && File.ReadAllBytes(fullPath).AsSpan().SequenceEqual(bytes);
    }

    private static HashSet<string> ListFiles(string outputDirectory)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(outputDirectory)) return files;
        var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var listing = new FileSystemEnumerable<string>(root,
            (ref FileSystemEntry entry) => entry.Directory.Length == root.Length
                ? entry.FileName.ToString()
                : Path.Join(entry.Directory[(root.Length + 1)..], entry.FileName).Replace(Path.DirectorySeparatorChar, '/'),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        files.UnionWith(listing);
        return files;
    }

    private string FullPath(string relativePath) => Path.Combine(outputDirectory, relativePath);

    private void DeleteEmptyParents(string directory)
    {
        var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        for (var current = Path.GetFullPath(directory); current.Length > root.Length && Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            if (Directory.EnumerateFileSystemEntries(current).Any()) return;
            Directory.Delete(current);
        }
    }
}
