using System.Text;

namespace NewsMirror.Running.Demo;

/// <summary>
/// The demo's news, generated from a small hand-written set of Chinese titles and paragraphs (the embedded
/// <c>demo-news.txt</c>): every outlet gets distinct, deterministic stories, so a few hundred items need no big data file.
/// </summary>
public sealed class DemoNews
{
    private sealed record Topic(string Name, List<string> Titles, List<string> Paragraphs);

    private readonly List<string> _places = [];
    private readonly List<Topic> _topics = [];

    private DemoNews() { }

    public static DemoNews Load()
    {
        using var stream = typeof(DemoNews).Assembly.GetManifestResourceStream("NewsMirror.Running.Demo.demo-news.txt")
            ?? throw new InvalidOperationException("the demo news resource is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    internal static DemoNews Parse(string text)
    {
        var news = new DemoNews();
        Topic? topic = null;
        var inPlaces = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line == "[places]") (inPlaces, topic) = (true, null);
            else if (line.StartsWith("[topic ", StringComparison.Ordinal))
            {
                topic = new Topic(line[7..^1], [], []);
                news._topics.Add(topic);
                inPlaces = false;
            }
            else if (inPlaces) news._places.Add(line);
            else if (topic is not null && line.StartsWith("title: ", StringComparison.Ordinal)) topic.Titles.Add(line[7..]);
            else if (topic is not null && line.StartsWith("para: ", StringComparison.Ordinal)) topic.Paragraphs.Add(line[6..]);
            else throw new FormatException($"demo news: unexpected line '{line}'");
        }
        if (news._places.Count == 0 || news._topics.Count == 0 || news._topics.Any(t => t.Titles.Count == 0 || t.Paragraphs.Count < 2))
            throw new FormatException("demo news: needs places and topics with titles and at least two paragraphs each");
        return news;
    }

    /// <summary>
    /// <paramref name="count"/> stories of outlet number <paramref name="outlet"/>, newest first, one every
    /// <paramref name="spacing"/> back from <paramref name="now"/>. Titles within an outlet never repeat.
    /// </summary>
    public IReadOnlyList<DemoStory> Stories(int outlet, int count, DateTimeOffset now, TimeSpan spacing)
    {
        var combinations = _topics.Count * _places.Count * _topics.Min(t => t.Titles.Count);
        if (count > combinations) throw new ArgumentOutOfRangeException(nameof(count), $"at most {combinations} distinct stories");
        var stories = new List<DemoStory>(count);
        for (var n = 0; n < count; n++)
        {
            // Outlets start at different points of the same sequence, so they cover different stories first.
            var k = (n + outlet * 37) % combinations;
            var topic = _topics[k % _topics.Count];
            var place = _places[k / _topics.Count % _places.Count];
            var title = topic.Titles[k / (_topics.Count * _places.Count) % topic.Titles.Count];
            var numbers = new Random(outlet * 100_003 + n);
            var paragraphs = Enumerable.Range(0, 2 + numbers.Next(topic.Paragraphs.Count - 1))
                .Select(i => Fill(topic.Paragraphs[(i + n) % topic.Paragraphs.Count], place, numbers))
                .ToList();
            var minutes = numbers.Next((int)Math.Max(1, spacing.TotalMinutes / 2));
            stories.Add(new DemoStory(n + 1, Fill(title, place, numbers), paragraphs, now - spacing * n - TimeSpan.FromMinutes(minutes)));
        }
        return stories;
    }

    private static string Fill(string template, string place, Random numbers) => template
        .Replace("{地}", place)
        .Replace("{数}", numbers.Next(2, 20).ToString())
        .Replace("{百}", numbers.Next(100, 1000).ToString())
        .Replace("{月}", numbers.Next(1, 13).ToString())
        .Replace("{日}", numbers.Next(1, 29).ToString());
}
