using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class SourcesFileTemplateTests
{
    [Fact]
    public void The_written_file_loads_as_the_built_in_outlets_with_every_key_spelled_out()
    {
        var text = SourcesFileTemplate.Render(new ArchiveSettings(), BuiltInSources.All);

        var config = SourcesFile.ParseConfig(text, "newsmirror.yml");

        Assert.Equal(ArchiveLayout.Duty, config.Settings.Layout);
        Assert.Equal(BuiltInSources.All.Count, config.Sources.Count);
        for (var i = 0; i < config.Sources.Count; i++) SourceConfigComparison.AssertSame(BuiltInSources.All[i], config.Sources[i]);
        // Every key the loader knows is written out and documented, including keys added to the loader later.
        var keys = SourceEntry.KeyNames;
        var firstEntry = text.Split("\n  - name: ")[1].Split('\n').Skip(1).TakeWhile(l => l.StartsWith("    ")).Select(l => l.Trim().Split(':')[0]);
        Assert.Equal(keys.Skip(1), firstEntry);
        var comments = text.Split('\n').Where(l => l.StartsWith('#')).ToList();
        foreach (var key in keys) Assert.Contains(comments, l => l.StartsWith($"#   {key} "));
        Assert.Contains(comments, l => l.StartsWith("# layout: "));
        Assert.Contains(comments, l => l.StartsWith("#   author: "));
    }

    [Fact]
    public void Settings_and_unusual_values_survive_the_round_trip()
    {
        var source = new SourceConfig
        {
            Name = "Example: #1 \u2028\u0085\uFEFF",
            Folder = "example",
            Url = "https://example.org/feed?a=1&b=2",
            FullText = "div.post > p, article",
            Include = new ItemPatterns { Title = ["^【", "news: \"quoted\""], Categories = ["yes"] },
            Remove = [".share", "#ad"],
            Referers = new Dictionary<string, string> { ["img.example.org"] = "https://example.org/", ["cdn.example.net"] = "" },
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
            Enabled = false,
        };
        var settings = new ArchiveSettings { Layout = ArchiveLayout.Jekyll, GitAuthor = "Mirror Bot <bot@example.org>" };

        var config = SourcesFile.ParseConfig(SourcesFileTemplate.Render(settings, [source]), "newsmirror.yml");

        Assert.Equal(settings, config.Settings);
        SourceConfigComparison.AssertSame(source, Assert.Single(config.Sources));
    }
}
