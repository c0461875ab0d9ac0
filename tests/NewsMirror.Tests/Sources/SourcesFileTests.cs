using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class SourcesFileTests
{
    [Fact]
    public void Reads_a_full_entry()
    {
        var sources = SourcesFile.Parse("""
            sources:
              - name: Example
                folder: example
                url: https://example.org/feed.xml
                body: content
                link: guid
                enabled: false
                on-change: update
            """, "test.yml");

        var s = Assert.Single(sources);
        Assert.Equal(("Example", "example", "https://example.org/feed.xml"), (s.Name, s.Folder, s.Url));
        Assert.Equal(BodyField.Content, s.Body);
        Assert.Equal(LinkField.Guid, s.Link);
        Assert.False(s.Enabled);
        Assert.Equal(ChangePolicy.Update, s.OnChange);
    }

    [Fact]
    public void A_built_in_name_overrides_only_the_keys_given()
    {
        var s = Assert.Single(SourcesFile.Parse("""
            sources:
              - name: 自由亚洲电台
                url: http://127.0.0.1:1/rfa.xml
            """, "test.yml"));

        Assert.Equal("http://127.0.0.1:1/rfa.xml", s.Url);
        Assert.Equal("rfa", s.Folder);
        Assert.Equal(ChangePolicy.Ignore, s.OnChange);
        Assert.Equal(BodyField.Content, s.Body);
        Assert.Equal(LinkField.Guid, s.Link);
    }

    [Theory]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: http://x/\n    bdy: content\n", 5, "bdy", "unknown key")]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: http://x/\n  - name: A\n    folder: b\n    url: http://x/\n", 5, "name", "used twice")]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: http://x/\n  - name: B\n    folder: a\n    url: http://x/\n", 5, "folder", "used twice")]
    [InlineData("sources:\n  - name: A\n    folder: a/b\n    url: http://x/\n", 3, "folder", "must not contain '/'")]
    [InlineData("sources:\n  - name: A\n    folder: ..\n    url: http://x/\n", 3, "folder", "must not contain '..'")]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: http://x/\n    body: summary\n", 5, "body", "not one of")]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: http://x/\n    on-change: overwrite\n", 5, "on-change", "ignore | update")]
    [InlineData("sources:\n  - name: A\n    url: http://x/\n", 2, "folder", "missing")]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: http://x/\n    lang: Chinese (traditional)\n", 5, "lang", "not a language tag")]
    [InlineData("sources:\n  - name: A\n    folder: a\n    url: ftp://x/feed\n", 4, "url", "http(s)")]
    [InlineData("feeds:\n  - name: A\n", 1, "feeds", "unknown key")]
    public void Errors_name_the_file_line_and_key(string yaml, int line, string key, string problem)
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(yaml, "mirror.yml"));
        Assert.Equal(line, e.Line);
        Assert.Equal(key, e.Key);
        Assert.StartsWith($"mirror.yml:{line}: key '{key}':", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: [unclosed\n", "m.yml"));
        Assert.Contains("not valid YAML", e.Message);
        Assert.True(e.Line >= 2);
    }

    [Fact]
    public void Without_a_file_the_nine_built_in_outlets_are_used()
    {
        using var dir = new Support.TempFolder();
        var sources = SourceSelection.Load(null, dir.Path);
        Assert.Equal(["路透", "纽约时报", "美国之音", "金融时报", "BBC", "法广", "德国之声", "自由亚洲电台", "中国数字时代"], sources.Select(s => s.Name));
    }

    [Fact]
    public void Only_narrows_by_name_or_folder_and_rejects_unknown_names()
    {
        var narrowed = SourceSelection.Narrow(BuiltInSources.All, ["法广", "dw"]);
        Assert.Equal(["法广", "德国之声"], narrowed.Select(s => s.Name));
        Assert.Throws<ArgumentException>(() => SourceSelection.Narrow(BuiltInSources.All, ["nope"]));
    }
}
