using System.Globalization;

namespace NewsMirror.Bench.Commands;

/// <summary>The command-level suite's arguments (see bench/run.sh).</summary>
internal sealed record SuiteOptions
{
    public required List<NewsMirrorCommand> Commands { get; init; }
    public required int[] Sizes { get; init; }

    /// <summary>Sizes whose text is indexed for search latency: indexing runs at about 1,200 articles/s (15 minutes for 1M).</summary>
    public required int[] SearchSizes { get; init; }

    /// <summary>Sizes whose site is built: a full build runs at about 1,000 articles/s.</summary>
    public required int[] SiteSizes { get; init; }
    public int Runs { get; init; } = 5;
    public required string DataFolder { get; init; }
    public string? MicroResults { get; init; }
    public required string Output { get; init; }
    public required string CommandLine { get; init; }

    public static SuiteOptions Parse(string[] args)
    {
        var commands = new List<NewsMirrorCommand>();
        int[] sizes = [10_000, 200_000];
        int[]? searchSizes = null;
        int[]? siteSizes = null;
        int runs = 5;
        string data = Path.Combine(Path.GetTempPath(), "newsmirror-bench");
        string? micro = null;
        string output = Path.Combine("docs", "PERFORMANCE.md");
        string commandLine = "bench/run.sh";
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--newsmirror": commands.Add(NewsMirrorCommand.Parse(Value())); break;
                case "--sizes": sizes = ParseSizes(Value()); break;
                case "--search-sizes": searchSizes = ParseSizes(Value()); break;
                case "--site-sizes": siteSizes = ParseSizes(Value()); break;
                case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--data": data = Value(); break;
                case "--micro": micro = Value(); break;
                case "--out": output = Value(); break;
                case "--command-line": commandLine = Value(); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (commands.Count == 0) throw new ArgumentException("give at least one --newsmirror label=path");
        return new SuiteOptions
        {
            Commands = commands, Sizes = sizes, SearchSizes = searchSizes ?? [sizes.Min()], SiteSizes = siteSizes ?? [sizes.Min()], Runs = runs, DataFolder = Path.GetFullPath(data), MicroResults = micro,
            Output = Path.GetFullPath(output), CommandLine = commandLine,
        };
    }

    private static int[] ParseSizes(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseSize).ToArray();

    /// <summary>10k, 200k, 1m or a plain number.</summary>
    public static int ParseSize(string text)
    {
        text = text.Trim().ToLowerInvariant();
        return text.EndsWith('k') ? int.Parse(text[..^1], CultureInfo.InvariantCulture) * 1000
            : text.EndsWith('m') ? int.Parse(text[..^1], CultureInfo.InvariantCulture) * 1_000_000
            : int.Parse(text, CultureInfo.InvariantCulture);
    }

    public static string SizeLabel(int size) => size % 1_000_000 == 0 ? $"{size / 1_000_000}M" : size % 1000 == 0 ? $"{size / 1000}k" : size.ToString(CultureInfo.InvariantCulture);
}
