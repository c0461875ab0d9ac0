namespace NewsMirror.Running.Demo;

/// <summary>How a demo outlet publishes, so the demo shows each path through the pipeline once.</summary>
public enum DemoFeedKind
{
    /// <summary>RSS 2.0 with the article in <c>description</c>.</summary>
    Rss,

    /// <summary>RSS 2.0 with a summary in <c>description</c> and the article in <c>content:encoded</c>.</summary>
    RssContentEncoded,

    /// <summary>Atom with the article in <c>content</c>.</summary>
    Atom,

    /// <summary>RSS 2.0 with summaries only: the body is read from each article page (<c>full-text</c>).</summary>
    FullText,

    /// <summary>The feed address answers with a web page instead of a feed, as when an outlet moves its feed.</summary>
    Broken,
}

/// <summary>An invented outlet of the demo (names are made up, so no real outlet is credited with invented news).</summary>
public sealed record DemoOutlet(string Name, string Folder, DemoFeedKind Kind, int Stories, bool Images)
{
    public const string FullTextSelector = "div.article-body";

    public static IReadOnlyList<DemoOutlet> All { get; } =
    [
        new("晨光日报", "chenguang", DemoFeedKind.Rss, 90, Images: true),
        new("东岸财经", "dongan", DemoFeedKind.RssContentEncoded, 70, Images: false),
        new("山海周刊", "shanhai", DemoFeedKind.Atom, 60, Images: false),
        new("城市观察", "chengshi", DemoFeedKind.FullText, 50, Images: true),
        new("远方通讯", "yuanfang", DemoFeedKind.Broken, 0, Images: false),
    ];
}
