using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class ArchiveSettingsTests
{
    private const string Sources = "sources:\n  - name: A\n    folder: a\n    url: http://x/\n";

    [Fact]
    public void Layout_and_git_author_are_read_beside_the_sources()
    {
        var config = SourcesFile.ParseConfig("layout: jekyll\ngit:\n  author: \"Mirror Bot <bot@example.org>\"\n" + Sources, "m.yml");

        Assert.Equal(ArchiveLayout.Jekyll, config.Settings.Layout);
        Assert.Equal("Mirror Bot <bot@example.org>", config.Settings.GitAuthor);
        Assert.Equal("A", Assert.Single(config.Sources).Name);
    }

    [Fact]
    public void Without_settings_the_layout_is_duty_and_git_uses_its_own_user()
    {
        var config = SourcesFile.ParseConfig(Sources, "m.yml");

        Assert.Equal(new ArchiveSettings(), config.Settings);
        Assert.Equal(ArchiveLayout.Duty, config.Settings.Layout);
        Assert.Null(config.Settings.GitAuthor);
    }

    [Theory]
    [InlineData("layout: hugo\n", 1, "layout", "not one of: duty | jekyll")]
    [InlineData("git:\n  author: nobody\n", 2, "git.author", "Name <email>")]
    [InlineData("git:\n  user: x\n", 2, "git.user", "unknown key")]
    [InlineData("git: bot\n", 1, "git", "expected a mapping")]
    [InlineData("theme: dark\n", 1, "theme", "known: sources, layout, git")]
    public void Bad_settings_name_the_line_and_key(string settings, int line, string key, string problem)
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.ParseConfig(settings + Sources, "m.yml"));

        Assert.Equal(line, e.Line);
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message);
    }
}
