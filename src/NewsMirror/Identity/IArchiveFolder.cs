namespace NewsMirror.Identity;

/// <summary>
/// A source's articles as identity and list pages need them. Two kinds: the catalog's (<see cref="Catalog.CatalogFolder"/>,
/// indexed queries, used by runs of the duty layout) and one loaded into memory by listing the folder
/// (<see cref="ArchiveFolder"/>: the Jekyll layout, and commands that run without a catalog).
/// </summary>
public interface IArchiveFolder
{
    string Name { get; }

    /// <summary>The directory the article files are in.</summary>
    string Path { get; }

    int Count { get; }
    long SmallestId { get; }

    /// <summary>
    /// The archived article this item is, if any: same guid, else same link (unless both have guids and the titles
    /// differ: two guids sharing a link are two articles), else same title and time among the recent ones.
    /// </summary>
    StoredArticle? Find(string? guid, string link, string title, long? timestampMs);

    bool HasId(long id);

    /// <summary>Newest first, i.e. by ascending id.</summary>
    IEnumerable<StoredArticle> Newest(int count);

    /// <summary>An article just written: known to the identity questions from now on.</summary>
    void Add(StoredArticle article);
}
