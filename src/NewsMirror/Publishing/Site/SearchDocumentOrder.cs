using System.Text;

namespace NewsMirror.Publishing.Site;

/// <summary>
/// How the search index numbers its documents: in the order builds first saw them, so that new articles always extend
/// the numbering and the base index (<c>t*.js</c>) stays valid whatever their publication times. The order is kept in
/// <c>&lt;out&gt;/.newsmirror/search-documents.bin</c> (folder and file name per document number). Articles a build
/// sees for the first time are appended in archive order (<see cref="ArchiveOrder"/>); a build without a stored order,
/// or one that rebuilds the base, numbers every article in archive order. As each build's new articles entered the
/// archive after the ones before them, a site brought up to date build by build numbers its documents as a single
/// build of the same archive does. (An article whose archiving time moves back before an indexed one's, e.g. a file
/// rewritten and committed again, keeps its number until the base is next rebuilt; search results do not depend on
/// the numbers, as search.js orders them by time.)
/// </summary>
internal static class SearchDocumentOrder
{
    private const string FileName = "search-documents.bin";
    private const string Header = "newsmirror-site search-documents 1";

    /// <summary>
    /// Archive order: when the article entered the archive (commit or file time), then source, then id descending
    /// (a smaller id is newer within a folder), then slug.
    /// </summary>
    public static int ArchiveOrder(SiteArticle a, SiteArticle b)
    {
        int c = a.ArchivedMs.CompareTo(b.ArchivedMs);
        if (c == 0) c = a.SourceIndex.CompareTo(b.SourceIndex);
        if (c == 0) c = b.Id.CompareTo(a.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Slug, b.Slug);
    }

    /// <summary>Every article in archive order.</summary>
    public static List<SiteArticle> InArchiveOrder(IEnumerable<SiteArticle> articles)
    {
        var ordered = articles.ToList();
        ordered.Sort(ArchiveOrder);
        return ordered;
    }

    /// <summary>
    /// The articles the stored order names, in that order (those no longer in the archive left out), then the others
    /// in archive order.
    /// </summary>
    public static List<SiteArticle> FirstSeen(IReadOnlyCollection<SiteArticle> articles, IReadOnlyList<(string Folder, string FileName)> stored)
    {
        var byFile = new Dictionary<(string, string), SiteArticle>(articles.Count);
        foreach (var article in articles) byFile[(article.Folder, article.File.FileName)] = article;
        var numbered = new List<SiteArticle>(articles.Count);
        foreach (var key in stored)
            if (byFile.Remove(key, out var article)) numbered.Add(article);
        numbered.AddRange(InArchiveOrder(byFile.Values));
        return numbered;
    }

    /// <summary>The stored order; empty when there is none or it cannot be read (the build then numbers in archive order).</summary>
    public static List<(string Folder, string FileName)> Load(string outputDirectory)
    {
        var path = PathIn(outputDirectory);
        var order = new List<(string, string)>();
        if (!File.Exists(path)) return order;
        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != Header) return order;
            var folders = new string[reader.ReadInt32()];
            for (int i = 0; i < folders.Length; i++) folders[i] = reader.ReadString();
            int count = reader.ReadInt32();
            order.Capacity = count;
            for (int i = 0; i < count; i++) order.Add((folders[reader.Read7BitEncodedInt()], reader.ReadString()));
            return order;
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or OverflowException or FormatException or IOException)
        {
            // A damaged file costs one rebuild of the base, never a wrong index: the base's hash covers its order.
            return [];
        }
    }

    /// <summary>Written to a temporary file and moved into place, so an interrupted build leaves the old order whole.</summary>
    public static void Save(string outputDirectory, IReadOnlyList<SiteArticle> numbered)
    {
        var path = PathIn(outputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var folders = numbered.Select(a => a.Folder).Distinct(StringComparer.Ordinal).ToList();
        var folderIndex = folders.Select((folder, i) => (folder, i)).ToDictionary(p => p.folder, p => p.i, StringComparer.Ordinal);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(new BufferedStream(File.Create(temporary), 1 << 16), Encoding.UTF8))
        {
            writer.Write(Header);
            writer.Write(folders.Count);
            foreach (var folder in folders) writer.Write(folder);
            writer.Write(numbered.Count);
            foreach (var article in numbered)
            {
                writer.Write7BitEncodedInt(folderIndex[article.Folder]);
                writer.Write(article.File.FileName);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string PathIn(string outputDirectory) => Path.Combine(outputDirectory, ".newsmirror", FileName);
}
