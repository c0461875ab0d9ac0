using System.IO.Compression;
using System.Text;

namespace NewsMirror.Publishing.Epub;

/// <summary>
/// The OCF zip container: <c>mimetype</c> first and stored uncompressed (readers sniff it at a fixed offset), then
/// <c>META-INF/container.xml</c> pointing at the package document, then the book's files under <c>EPUB/</c>.
/// Written to a temporary file beside the target and moved into place, so a reader never sees half a book.
/// </summary>
internal static class EpubContainer
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private const string ContainerXml = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="{PackageDocument.Path}" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """;

    /// <param name="files">Paths under <c>EPUB/</c> and their content.</param>
    /// <param name="time">The entries' modification time: the book's, so the same input gives the same bytes.</param>
    public static void Write(string path, string packageDocument, IEnumerable<(string Path, byte[] Content)> files, DateTimeOffset time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                // Zip times start in 1980.
                var stamp = time.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : time;
                Add(zip, "mimetype", Encoding.ASCII.GetBytes("application/epub+zip"), CompressionLevel.NoCompression, stamp);
                Add(zip, "META-INF/container.xml", Utf8.GetBytes(ContainerXml), CompressionLevel.Optimal, stamp);
                Add(zip, PackageDocument.Path, Utf8.GetBytes(packageDocument), CompressionLevel.Optimal, stamp);
                foreach (var (name, content) in files) Add(zip, "EPUB/" + name, content, CompressionLevel.Optimal, stamp);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] content, CompressionLevel level, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
