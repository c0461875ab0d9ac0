using System.IO.Hashing;
using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// The manifest's article records in <c>&lt;out&gt;/.newsmirror/articles.bin</c>: listing stamp, content hash, times,
/// and where the title and excerpt lie in <see cref="ArticleTextFile"/>. Without the strings a record is under 100
/// bytes, so the table a rebuild reads and (after new articles) writes whole is a fifth of what it was; the texts
/// are appended, not rewritten. A checksum closes the file: a damaged or truncated table is no table, and the build
/// reads every article again.
/// </summary>
internal static class ArticleTable
{
    private const string Header = "newsmirror-site articles 5";

    /// <summary>How much of the text file may be texts of articles no longer in the table before it is written anew.</summary>
    private const double MaxUnreferencedShare = 0.5;

    public static void Load(string path, string textsPath, string archiveRoot, SiteManifest manifest)
    {
        if (!File.Exists(path)) return;
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < sizeof(ulong) ||
            XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - sizeof(ulong))) != BitConverter.ToUInt64(bytes, bytes.Length - sizeof(ulong)))
            return;
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - sizeof(ulong), writable: false), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Header) return;
            ulong generation = reader.ReadUInt64();
            long textsLength = reader.ReadInt64();
            var folders = new string[reader.ReadInt32()];
            for (int i = 0; i < folders.Length; i++) folders[i] = reader.ReadString();
            int count = reader.ReadInt32();
            var texts = ArticleTextFile.Open(textsPath, generation, textsLength, archiveRoot);
            if (texts is null) return;
            manifest.Texts = texts;
            manifest.Articles.EnsureCapacity(count);
            for (int i = 0; i < count; i++)
            {
                var folder = folders[reader.Read7BitEncodedInt()];
                var fileName = reader.ReadString();
                var file = new ArchiveFile(folder, fileName, reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
                var hash = SiteManifest.ReadHash(reader);
                long? timestamp = reader.ReadBoolean() ? reader.ReadInt64() : null;
                long archivedMs = reader.ReadInt64();
                var location = new TextLocation(reader.ReadInt64(), reader.ReadInt32(), reader.ReadUInt64());
                manifest.Articles[(folder, fileName)] = new ArticleStamp(file, hash, timestamp, archivedMs, new ArticleText(texts, location, file));
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or FormatException)
        {
            // The checksum matched, so only a table of a different layout gets here: it is no table.
            manifest.Articles.Clear();
        }
    }

    /// <param name="previousTexts">The text file the stamps were loaded from, if intact: new texts are appended to it.</param>
    public static void Save(string path, string textsPath, IReadOnlyCollection<ArticleStamp> stamps, ArticleTextFile? previousTexts)
    {
        long referenced = stamps.Where(s => s.Text.Store == previousTexts).Sum(s => (long)s.Text.Location.Length);
        bool append = previousTexts is not null && File.Exists(textsPath) &&
                      previousTexts.Length - referenced <= MaxUnreferencedShare * previousTexts.Length;
        var (generation, locations, textsLength) = append
            ? Append(textsPath, stamps, previousTexts!)
            : WriteTexts(textsPath, stamps);

        using var table = new MemoryStream();
        using (var writer = new BinaryWriter(table, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Header);
            writer.Write(generation);
            writer.Write(textsLength);
            var folders = stamps.Select(s => s.File.Folder).Distinct(StringComparer.Ordinal).ToList();
            var folderIndex = folders.Select((folder, i) => (folder, i)).ToDictionary(p => p.folder, p => p.i, StringComparer.Ordinal);
            writer.Write(folders.Count);
            foreach (var folder in folders) writer.Write(folder);
            writer.Write(stamps.Count);
            int n = 0;
            foreach (var a in stamps)
            {
                writer.Write7BitEncodedInt(folderIndex[a.File.Folder]);
                writer.Write(a.File.FileName);
                writer.Write(a.File.Id);
                writer.Write(a.File.Size);
                writer.Write(a.File.LastWriteTicks);
                SiteManifest.WriteHash(writer, a.ContentHash);
                writer.Write(a.TimestampMs.HasValue);
                if (a.TimestampMs is { } t) writer.Write(t);
                writer.Write(a.ArchivedMs);
                var location = locations[n++];
                writer.Write(location.Offset);
                writer.Write(location.Length);
                writer.Write(location.Checksum);
            }
            writer.Write(XxHash64.HashToUInt64(table.GetBuffer().AsSpan(0, (int)table.Length)));
        }
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary)) file.Write(table.GetBuffer(), 0, (int)table.Length);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Appends the texts the file does not hold yet; the others keep their places.</summary>
    private static (ulong Generation, TextLocation[] Locations, long Length) Append(string textsPath, IReadOnlyCollection<ArticleStamp> stamps, ArticleTextFile texts)
    {
        var locations = new TextLocation[stamps.Count];
        using var stream = new FileStream(textsPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(0, SeekOrigin.End);
        int n = 0;
        foreach (var stamp in stamps)
            locations[n++] = stamp.Text.Store == texts ? stamp.Text.Location : Write(stream, stamp.Text.Encoded());
        return (texts.Generation, locations, stream.Length);
    }

    /// <summary>A new text file of a new generation, with every stamp's text; moved into place whole.</summary>
    private static (ulong Generation, TextLocation[] Locations, long Length) WriteTexts(string textsPath, IReadOnlyCollection<ArticleStamp> stamps)
    {
        var generation = (ulong)Random.Shared.NextInt64();
        var locations = new TextLocation[stamps.Count];
        var temporary = textsPath + ".tmp";
        long length;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            stream.Write(ArticleTextFile.Prefix(generation));
            int n = 0;
            foreach (var stamp in stamps) locations[n++] = Write(stream, stamp.Text.Encoded());
            length = stream.Length;
        }
        File.Move(temporary, textsPath, overwrite: true);
        return (generation, locations, length);
    }

    private static TextLocation Write(Stream stream, byte[] bytes)
    {
        var location = new TextLocation(stream.Position, bytes.Length, XxHash64.HashToUInt64(bytes));
        stream.Write(bytes);
        return location;
    }
}
