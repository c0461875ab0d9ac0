using System.Security;
using System.Text;
using NewsMirror.Bench.Archives;
using NewsMirror.Bench.Synthetic;

namespace NewsMirror.Bench.Loopback;

/// <summary>
/// Each outlet as an endless stream of items, one published every <see cref="Interval"/>, whose feed shows a window
/// of the newest <c>size</c> items: the first run sees a full feed of new items, a run an hour later the same
/// feed moved on by one item. An item is the same in every window (title, link, guid, time, body and
/// 中国数字时代's article page are drawn from its own seed), so the items a run archived come back unchanged.
/// </summary>
internal sealed class FeedWindow(FeedServer server)
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    /// <summary>Item 0's time: recent enough that no age filter drops the items, the same for every server started on one day.</summary>
    private readonly DateTimeOffset _epoch = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-3);

    /// <summary>Serves every outlet's feed holding items <paramref name="newest"/> − <paramref name="size"/> + 1 … <paramref name="newest"/>, newest first.</summary>
    public void Serve(int newest, int size)
    {
        server.Clear();
        var sources = SyntheticArchive.Sources;
        for (int f = 0; f < sources.Count; f++)
        {
            var source = sources[f];
            var xml = new StringBuilder();
            xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n<title>")
                .Append(SecurityElement.Escape(source.Name)).Append("</title>\n<link>https://www.example.com/</link>\n<description>bench</description>\n");
            for (int i = newest; i > newest - size && i >= 0; i--)
            {
                var text = new NewsText(f * 1_000_003 + i);
                bool english = i % 5 == 0;
                var title = text.Title(english);
                var body = text.FeedBody(source.Folder, 4 + i % 10, english);
                var link = $"https://www.example.com/{source.Folder}/stream/{i}.html";
                if (source.FullText is not null)
                    link = server.Put($"/pages/{source.Folder}/stream-{i}.html", Utf8.GetBytes(OutletFeeds.Page(title, body)), "text/html; charset=utf-8");
                OutletFeeds.AppendItem(xml, source, title, link, OutletFeeds.WordPressGuid(source, 100_000 + i) ?? link, _epoch + Interval * i, body);
            }
            server.Put(OutletFeeds.FeedPath(source), Utf8.GetBytes(xml.Append("</channel>\n</rss>\n").ToString()), "application/rss+xml; charset=utf-8");
        }
    }
}
