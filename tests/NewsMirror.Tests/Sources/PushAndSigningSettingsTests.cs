using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

/// <summary><c>push:</c> (one remote or a list) and <c>git: sign:</c> in newsmirror.yml.</summary>
public class PushAndSigningSettingsTests
{
    private const string Sources = "sources:\n  - name: A\n    folder: a\n    url: http://x/\n";

    [Fact]
    public void Push_takes_one_remote_or_a_list_in_order_and_sign_takes_a_key_path()
    {
        var list = SourcesFile.ParseConfig("push: [origin, mirror2, backup]\ngit:\n  sign: ~/.ssh/id_ed25519\n" + Sources, "m.yml").Settings;
        var one = SourcesFile.ParseConfig("push: origin\n" + Sources, "m.yml").Settings;

        Assert.Equal(["origin", "mirror2", "backup"], list.PushRemotes);
        Assert.Equal("~/.ssh/id_ed25519", list.SigningKey);
        Assert.Equal(["origin"], one.PushRemotes);
        Assert.Null(one.SigningKey);
        Assert.Empty(SourcesFile.ParseConfig(Sources, "m.yml").Settings.PushRemotes);
    }

    [Theory]
    [InlineData("push: [origin, origin]\n", 1, "push", "listed twice")]
    [InlineData("push: []\n", 1, "push", "expected a remote name")]
    [InlineData("push:\n  - origin\n  - \"two words\"\n", 3, "push", "not a git remote name")]
    [InlineData("push:\n  - [origin]\n", 2, "push", "expected a single value")]
    [InlineData("git:\n  sign: \"\"\n", 2, "git.sign", "path of an SSH key")]
    public void Bad_push_and_sign_settings_name_the_line_and_key(string settings, int line, string key, string problem)
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.ParseConfig(settings + Sources, "m.yml"));

        Assert.Equal(line, e.Line);
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message);
    }
}
