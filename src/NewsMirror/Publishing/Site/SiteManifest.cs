using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>What the previous build read and wrote: lets a rebuild skip unchanged articles and pages.</summary>
internal sealed record ArticleStamp(ArchiveFile File, UInt128 ContentHash, long? TimestampMs, long ArchivedMs, ArticleText Text);

/// <summary>A written page: the hash of what it was rendered from, and of the bytes written.</summary>
internal sealed record PageStamp(UInt128 InputHash, UInt128 OutputHash);

/// <summary>
/// The incremental-build state in <c>&lt;out&gt;/.newsmirror/</c>: one record per article (listing stamp, content hash,
/// header fields; see <see cref="ArticleTable"/>) and one per page (input and output hashes). Binary, because a rebuild
/// of a large archive reads it whole and text parsing would cost more than the rest of a no-change rebuild.
/// </summary>
internal sealed class SiteManifest : IDisposable
{
    private const string DirectoryName = ".newsmirror";
    private const string ArticlesFile = "articles.bin";
    private const string PagesFile = "pages.bin";
    private const string SearchFile = "search.bin";
    private const string SearchHeader = "newsmirror-site search 1";
    private const string PagesHeader = "newsmirror-site pages 3";

    public Dictionary<(string Folder, string FileName), ArticleStamp> Articles { get; } = [];
    public Dictionary<string, PageStamp> Pages { get; } = new(StringComparer.Ordinal);
    public SearchIndexState? SearchIndex { get; set; }

    /// <summary>The text file the loaded articles' titles and excerpts are read from, if it was intact.</summary>
    public ArticleTextFile? Texts { get; set; }

    internal static string DirectoryOf(string outputDirectory) => Path.Combine(outputDirectory, DirectoryName);

    /// <summary>An unreadable or missing manifest is an empty one: the build then renders everything once.</summary>
    public static SiteManifest Load(string outputDirectory, string archiveRoot)
    {
        var manifest = new SiteManifest();
        var directory = DirectoryOf(outputDirectory);
        ArticleTable.Load(Path.Combine(directory, ArticlesFile), Path.Combine(directory, ArticleTextFile.FileName), archiveRoot, manifest);
        Read(Path.Combine(directory, PagesFile), PagesHeader,
            reader => manifest.Pages[reader.ReadString()] = new PageStamp(ReadHash(reader), ReadHash(reader)));
        Read(Path.Combine(directory, SearchFile), SearchHeader,
            reader => manifest.SearchIndex = new SearchIndexState(reader.ReadInt32(), ReadHash(reader), reader.ReadInt32()));
        return manifest;
    }

    /// <summary>Writes each table that differs from <paramref name="previous"/>.</summary>
    public void Save(string outputDirectory, SiteManifest previous)
    {
        var directory = DirectoryOf(outputDirectory);
        Directory.CreateDirectory(directory);
        if (!SameEntries(Articles, previous.Articles) || !File.Exists(Path.Combine(directory, ArticlesFile)))
            ArticleTable.Save(Path.Combine(directory, ArticlesFile), Path.Combine(directory, ArticleTextFile.FileName), Articles.Values, previous.Texts);
        if (SearchIndex is { } index && (index != previous.SearchIndex || !File.Exists(Path.Combine(directory, SearchFile))))
            Write(Path.Combine(directory, SearchFile), SearchHeader, [index], (writer, state) =>
            {
                writer.Write(state.BaseDocuments);
                WriteHash(writer, state.BaseHash);
                writer.Write(state.BaseShards);
            });
        if (!SameEntries(Pages, previous.Pages) || !File.Exists(Path.Combine(directory, PagesFile)))
            Write(Path.Combine(directory, PagesFile), PagesHeader, Pages, (writer, p) =>
            {
                writer.Write(p.Key);
                WriteHash(writer, p.Value.InputHash);
                WriteHash(writer, p.Value.OutputHash);
            });
    }

    public void Dispose() => Texts?.Dispose();

    internal static UInt128 ReadHash(BinaryReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());

    internal static void WriteHash(BinaryWriter writer, UInt128 hash)
    {
        writer.Write((ulong)(hash >> 64));
        writer.Write((ulong)hash);
    }

    private static bool SameEntries<TKey, TValue>(Dictionary<TKey, TValue> current, Dictionary<TKey, TValue> previous) where TKey : notnull =>
        current.Count == previous.Count &&
        current.All(entry => previous.TryGetValue(entry.Key, out var old) && EqualityComparer<TValue>.Default.Equals(entry.Value, old));

    internal static void Read(string path, string header, Action<BinaryReader> readRecord)
    {
        if (!File.Exists(path)) return;
        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != header) return;
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++) readRecord(reader);
        }
        catch (EndOfStreamException)
        {
            // A truncated manifest only costs a full render; what was read so far is still right.
        }
    }

    /// <summary>Written to a temporary file and moved into place, so an interrupted build leaves the old manifest whole.</summary>
    internal static void Write<T>(string path, string header, IReadOnlyCollection<T> records, Action<BinaryWriter, T> writeRecord)
    {
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(new BufferedStream(File.Create(temporary), 1 << 16), Encoding.UTF8))
        {
            writer.Write(header);
            writer.Write(records.Count);
            foreach (var record in records) writeRecord(writer, record);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
