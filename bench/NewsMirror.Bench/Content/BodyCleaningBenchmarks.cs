using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using NewsMirror.Bodies;
using NewsMirror.Bench.Synthetic;
using NewsMirror.Feeds;
using NewsMirror.Sources;

namespace NewsMirror.Bench.Content;

/// <summary>
/// The content stage over a batch of realistic bodies of the nine built-in outlets: the whole per-item pipeline
/// (<see cref="ArticleBodyPipeline.Prepare"/>, body choice + cleaning + single-line output) and the cleaner alone.
/// Each operation is one article, so articles/s = 1 s / mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class BodyCleaningBenchmarks
{
    public const int Batch = 90;

    private (FeedItem Item, SourceConfig Source)[] _items = [];

    [GlobalSetup]
    public void Setup()
    {
        var bodies = new NewsText(7);
        var sources = BuiltInSources.All.Where(s => s.FullText is null).ToArray();
        _items = Enumerable.Range(0, Batch).Select(i =>
        {
            var source = sources[i % sources.Length];
            var body = bodies.FeedBody(source.Folder, 4 + i % 12, english: i % 5 == 0);
            var item = new FeedItem
            {
                Id = $"item-{i}", Title = bodies.Title(english: i % 5 == 0), Link = $"https://www.example.com/{source.Folder}/{i}.html",
                Summary = body, Content = body, Published = DateTimeOffset.UnixEpoch.AddDays(20000 + i),
            };
            return (item, source);
        }).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Prepare()
    {
        int length = 0;
        var notes = new SourceWarnings();
        foreach (var (item, source) in _items) length += ArticleBodyPipeline.Prepare(item, source, null, null, notes).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int CleanOnly()
    {
        int length = 0;
        foreach (var (item, source) in _items)
            length += BodyCleaner.Clean(item.Summary!, CleanupOptions.For(source, new Uri(item.Link!))).Length;
        return length;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new ArticlesPerSecondColumn());
    }
}
