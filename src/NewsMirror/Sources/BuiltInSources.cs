namespace NewsMirror.Sources;

/// <summary>The nine outlets the reference archive mirrors (FORMAT.md), used when no sources file exists.</summary>
public static class BuiltInSources
{
    public static IReadOnlyList<SourceConfig> All { get; } =
    [
        Feedx("路透", "reuters", "reuters"),
        Feedx("纽约时报", "nyt", "nytimes"),
        Feedx("美国之音", "voa", "mgzy1"),
        Feedx("金融时报", "ft", "ft"),
        Feedx("BBC", "bbc", "bbc"),
        Feedx("法广", "rfi", "rfi"),
        Feedx("德国之声", "dw", "dw"),
        new()
        {
            Name = "自由亚洲电台",
            Folder = "rfa",
            Url = "https://www.rfa.org/mandarin/yataibaodao/rss2.xml",
            Body = BodyField.Content,
            Link = LinkField.Guid,
        },
        new()
        {
            Name = "中国数字时代",
            Folder = "cdt",
            Url = "https://chinadigitaltimes.net/chinese/feed/",
            Body = BodyField.Description,
            FullText = "div.post-content",
            Ids = IdScheme.WordPressPost,
            Categories = CategoryRule.SymbolOrEmoji,
        },
    ];

    public static SourceConfig? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static SourceConfig Feedx(string name, string folder, string feed) => new()
    {
        Name = name,
        Folder = folder,
        Url = $"https://feedx.net/rss/{feed}.xml",
        Body = BodyField.Description,
    };
}
