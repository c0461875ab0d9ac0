using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using NewsMirror.Cli.FeedInspection;
using NewsMirror.Feeds;
using NewsMirror.Selection;

namespace NewsMirror.Tests.Feeds;

/// <summary>
/// Every fixture in Feeds/Fixtures is paired with &lt;name&gt;.expected.json beside it: what
/// <c>newsmirror feed inspect --json &lt;fixture&gt;</c> prints for it less the items' "skip" (selection's
/// verdict, pinned by the Selection tests, not the parser's), or {"error": message} for a document that is
/// not a feed. To regenerate the files after a deliberate change, run the tests with
/// NEWSMIRROR_UPDATE_GOLDEN=1 (it writes the files beside the fixtures in the source tree; build again before
/// the next plain run, which reads the copies in the build output) and read every changed file before committing it.
/// </summary>
public class GoldenOutputTests
{
    private const string UpdateVariable = "NEWSMIRROR_UPDATE_GOLDEN";
    private const string ExpectedSuffix = ".expected.json";

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string FixtureFolder => Path.GetDirectoryName(FeedFixtures.PathOf("x"))!;

    private static IEnumerable<string> FixtureNames() =>
        Directory.EnumerateFiles(FixtureFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.EndsWith(ExpectedSuffix, StringComparison.Ordinal) && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Fixtures() => new(FixtureNames());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_inspects_as_its_expected_json(string fixture)
    {
        var actual = Normalized(Inspect(fixture));
        var expectedName = Path.GetFileNameWithoutExtension(fixture) + ExpectedSuffix;
        var expectedPath = FeedFixtures.PathOf(expectedName);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            expectedPath = Path.Combine(SourceFixtureFolder(), expectedName);
            File.WriteAllText(expectedPath, actual + "\n");
        }
        Assert.True(File.Exists(expectedPath), $"{fixture} has no {expectedName}: run the tests with {UpdateVariable}=1 and read the file it writes.");
        Assert.Equal(Normalized(File.ReadAllText(expectedPath)), actual);
    }

    [Fact]
    public void Every_expected_file_belongs_to_a_fixture()
    {
        var fixtures = FixtureNames().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in Directory.EnumerateFiles(FixtureFolder, "*" + ExpectedSuffix))
            Assert.Contains(Path.GetFileName(expected)[..^ExpectedSuffix.Length], fixtures);
    }

    /// <summary>What feed inspect --json prints for a file (no address, so no feed URL to resolve against), or the parse error.</summary>
    private static string Inspect(string fixture)
    {
        try
        {
            var feed = FeedFixtures.Parse(fixture);
            var verdicts = feed.Items.Select((item, position) => new ItemVerdict(item, position, null, null)).ToList();
            return FeedJsonReport.Render(feed, verdicts, (_, html) => html);
        }
        catch (FeedParseException e)
        {
            return new JsonObject { ["error"] = e.Message }.ToJsonString(Indented);
        }
    }

    /// <summary>The JSON re-serialised without the per-item "skip" field: that verdict belongs to selection, not to the parser.</summary>
    private static string Normalized(string json)
    {
        var node = JsonNode.Parse(json)!;
        if (node["items"] is JsonArray items)
            foreach (var item in items.OfType<JsonObject>())
                item.Remove("skip");
        return node.ToJsonString(Indented);
    }

    private static string SourceFixtureFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures");
}
