using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsMirror.Feeds;

namespace NewsMirror.Bench;

/// <summary>
/// FeedParser against a raw XmlReader pass (every node read, every value materialised) over the same
/// bytes: a ~10 MB feed of long Chinese HTML articles, and a feed of many small items.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class FeedParsingBenchmarks
{
    private const int TargetBytes = 10 * 1024 * 1024;

    internal static readonly Dictionary<string, (long Bytes, int Items)> Sizes = [];

    [Params("LargeChinese", "ManySmall")]
    public string Feed { get; set; } = "";

    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        int items;
        _bytes = Feed == "LargeChinese"
            ? FeedGenerator.LargeChineseFeed(TargetBytes, out items)
            : FeedGenerator.ManySmallItems(TargetBytes, out items);
        Sizes[Feed] = (_bytes.Length, items);
    }

    [Benchmark(Baseline = true)]
    public int RawXmlReader()
    {
        using var stream = new MemoryStream(_bytes);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var length = 0;
        while (reader.Read())
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                length += reader.Value.Length;
        return length;
    }

    [Benchmark]
    public int FeedParserParse() => FeedParser.Parse(_bytes, new FeedParseOptions()).Items.Count;

    /// <summary>Adds MB/s and time per item, computed from the measured mean and the generated feed's size.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new SizeColumn("MB/s", (bytes, _, mean) => $"{bytes / (1024.0 * 1024.0) / (mean / 1e9):F1}"));
            AddColumn(new SizeColumn("µs/item", (_, items, mean) => $"{mean / 1e3 / items:F2}"));
            AddColumn(new SizeColumn("Items", (_, items, _) => items.ToString()));
        }
    }

    private sealed class SizeColumn(string name, Func<long, int, double, string> format) : IColumn
    {
        public string Id => nameof(SizeColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var feed = (string)benchmarkCase.Parameters["Feed"];
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (mean is null)
                return "-";
            var (bytes, items) = Sizes.TryGetValue(feed, out var size) ? size : Measure(feed);
            return format(bytes, items, mean.Value);
        }

        /// <summary>The benchmarks ran in another process: regenerate the (deterministic) feed here to know its size.</summary>
        private static (long, int) Measure(string feed)
        {
            var bytes = feed == "LargeChinese"
                ? FeedGenerator.LargeChineseFeed(TargetBytes, out var items)
                : FeedGenerator.ManySmallItems(TargetBytes, out items);
            return Sizes[feed] = (bytes.Length, items);
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
