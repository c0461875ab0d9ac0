using NewsMirror.Feeds;

namespace NewsMirror.Tests.Feeds;

/// <summary>Reads the fixture files beside these tests and parses them.</summary>
internal static class FeedFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Feeds", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static FeedDocument Parse(string name, string? baseUrl = null, string? contentType = null) =>
        FeedParser.Parse(Bytes(name), new FeedParseOptions
        {
            BaseUrl = baseUrl is null ? null : new Uri(baseUrl),
            ContentType = contentType,
        });

    public static FeedDocument ParseText(string xml, string? baseUrl = null) =>
        FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), new FeedParseOptions { BaseUrl = baseUrl is null ? null : new Uri(baseUrl) });
}
