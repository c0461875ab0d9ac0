using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class SourcesFileEditorTests
{
    private const string File = """
        # My mirror: keep these notes.
        layout: duty
        sources:
          # Feeds from feedx
          - name: 法广   # French radio
            url: http://127.0.0.1:1/rfi.xml
          - name: Example
            folder: example
            url: http://127.0.0.1:1/example.xml
            # the body needs the page
            fulltext: article
          # - name: Old one (kept for later)
        # trailing notes
        git:
          author: "Bot <bot@example.org>"

        """;

    private static readonly SourceConfig Added = new() { Name = "新来源", Folder = "new-source", Url = "https://example.org/feed.xml", Body = BodyField.Content };

    private static List<string> Comments(string text) => text.Split('\n').Where(l => l.TrimStart().StartsWith('#')).ToList();

    [Fact]
    public void Append_adds_an_entry_after_the_last_one_and_keeps_every_comment()
    {
        var edited = SourcesFileEditor.Append(File, Added, "m.yml");

        var config = SourcesFile.ParseConfig(edited, "m.yml");
        Assert.Equal(["法广", "Example", "新来源"], config.Sources.Select(s => s.Name));
        var added = config.Sources[^1];
        Assert.Equal(("new-source", "https://example.org/feed.xml", BodyField.Content), (added.Folder, added.Url, added.Body));
        Assert.Equal("Bot <bot@example.org>", config.Settings.GitAuthor);
        Assert.Equal(Comments(File), Comments(edited));
        Assert.Contains("    fulltext: article\n  - name: 新来源\n    folder: new-source\n    url: https://example.org/feed.xml\n    body: content\n  # - name: Old one", edited);
    }

    [Fact]
    public void Append_fills_an_empty_list()
    {
        var edited = SourcesFileEditor.Append("# empty\nsources: []\n", Added, "m.yml");

        Assert.Equal("新来源", Assert.Single(SourcesFile.Parse(edited, "m.yml")).Name);
        Assert.StartsWith("# empty\nsources:\n  - name: 新来源\n", edited);
    }

    [Fact]
    public void Remove_deletes_only_the_entrys_lines()
    {
        var edited = SourcesFileEditor.Remove(File, "Example", "m.yml");

        Assert.Equal(["法广"], SourcesFile.Parse(edited, "m.yml").Select(s => s.Name));
        Assert.Equal(File.Replace("  - name: Example\n    folder: example\n    url: http://127.0.0.1:1/example.xml\n    # the body needs the page\n    fulltext: article\n", ""), edited);
    }

    [Fact]
    public void Removing_the_last_entry_leaves_an_empty_list()
    {
        var edited = SourcesFileEditor.Remove("sources:\n  - name: A\n    folder: a\n    url: http://x/\n# end\n", "A", "m.yml");

        Assert.Equal("sources: []\n# end\n", edited);
        Assert.Empty(SourcesFile.Parse(edited, "m.yml"));
    }

    [Fact]
    public void Disable_adds_enabled_false_to_an_entry_without_it()
    {
        var edited = SourcesFileEditor.Disable(File, "法广", "m.yml");

        Assert.False(SourcesFile.Parse(edited, "m.yml")[0].Enabled);
        Assert.Contains("  - name: 法广   # French radio\n    url: http://127.0.0.1:1/rfi.xml\n    enabled: false\n  - name: Example", edited);
        Assert.Equal(Comments(File), Comments(edited));
    }

    [Fact]
    public void Disable_changes_only_the_value_of_an_existing_enabled_key()
    {
        var text = "sources:\n  - name: A\n    folder: a\n    enabled: yes   # on for now\n    url: http://x/\n";

        Assert.Equal(text.Replace("enabled: yes", "enabled: false"), SourcesFileEditor.Disable(text, "A", "m.yml"));
    }

    [Fact]
    public void Edits_that_would_break_the_file_are_refused()
    {
        var duplicate = Added with { Name = "Example" };

        var e = Assert.Throws<SourcesFileException>(() => SourcesFileEditor.Append(File, duplicate, "m.yml"));
        Assert.Contains("used twice", e.Message);
        Assert.Throws<SourcesFileException>(() => SourcesFileEditor.Remove(File, "Nobody", "m.yml"));
    }
}
