using YamlDotNet.RepresentationModel;

namespace NewsMirror.Sources;

/// <summary>Reads the top-level settings keys of newsmirror.yml (<c>layout:</c>, <c>git:</c>, <c>status-file:</c>, <c>raw:</c>).</summary>
internal static class ArchiveSettingsEntry
{
    public static ArchiveSettings Apply(ArchiveSettings settings, string key, YamlNode value, string file) => key switch
    {
        "layout" => settings with { Layout = Layout(value, file) },
        "git" => Git(settings, value, file),
        "status-file" => settings with { StatusFile = Boolean(value, "status-file", file) },
        "raw" => settings with { Raw = Raw(value, file) },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a settings key"),
    };

    private static ArchiveLayout Layout(YamlNode value, string file) => Scalar(value, "layout", file) switch
    {
        "duty" => ArchiveLayout.Duty,
        "jekyll" => ArchiveLayout.Jekyll,
        var other => throw new SourcesFileException(file, SourcesFile.Line(value), "layout", $"'{other}' is not one of: duty | jekyll"),
    };

    private static RawCapture Raw(YamlNode value, string file) => Scalar(value, "raw", file) switch
    {
        "local" => RawCapture.Local,
        "commit" => RawCapture.Commit,
        "off" => RawCapture.Off,
        var other => throw new SourcesFileException(file, SourcesFile.Line(value), "raw", $"'{other}' is not one of: local | commit | off"),
    };

    private static bool Boolean(YamlNode value, string key, string file) => Scalar(value, key, file) switch
    {
        "true" => true,
        "false" => false,
        var other => throw new SourcesFileException(file, SourcesFile.Line(value), key, $"'{other}' is not one of: true | false"),
    };

    private static ArchiveSettings Git(ArchiveSettings settings, YamlNode value, string file)
    {
        if (value is not YamlMappingNode map)
            throw new SourcesFileException(file, SourcesFile.Line(value), "git", "expected a mapping (author)");
        foreach (var (keyNode, node) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            if (key != "author")
                throw new SourcesFileException(file, SourcesFile.Line(keyNode), $"git.{key}", "unknown key (known: author)");
            var author = Scalar(node, "git.author", file);
            try { NameAndEmail.Parse(author); }
            catch (FormatException e) { throw new SourcesFileException(file, SourcesFile.Line(node), "git.author", e.Message); }
            settings = settings with { GitAuthor = author };
        }
        return settings;
    }

    private static string Scalar(YamlNode node, string key, string file) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new SourcesFileException(file, SourcesFile.Line(node), key, "expected a single value");
}
