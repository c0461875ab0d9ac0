namespace NewsMirror.Publishing.Epub;

/// <summary>What goes into a digest: the articles of one period, of every source or of one.</summary>
/// <param name="Until">The end of the period (exclusive); its China-time day names the digest.</param>
/// <param name="Length">How far back the period reaches from <paramref name="Until"/>.</param>
public sealed record EpubDigestOptions(DateTimeOffset Until, TimeSpan Length)
{
    public DateTimeOffset Since => Until - Length;

    /// <summary>Only this source's folder (a display name also matches); null: every source. Part of the book's identifier.</summary>
    public string? Source { get; init; }

    /// <summary>Display names in the order the table of contents lists sources; sources not named follow by folder.</summary>
    public IReadOnlyList<string> SourceOrder { get; init; } = [];

    /// <summary>BCP 47 language of the book and of every article whose folder has no entry in <see cref="Languages"/>.</summary>
    public string Language { get; init; } = "zh-Hans";

    /// <summary>Folder → BCP 47 language of that source's articles.</summary>
    public IReadOnlyDictionary<string, string> Languages { get; init; } = new Dictionary<string, string>();

    public string Title { get; init; } = "新闻镜像摘要";

    /// <summary>The China-time day the period ends on, as the archive's list pages count days.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Until.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public string LanguageOf(string folder) => Languages.GetValueOrDefault(folder, Language);
}
