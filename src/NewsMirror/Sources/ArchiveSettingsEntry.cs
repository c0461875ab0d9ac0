using YamlDotNet.RepresentationModel;

namespace NewsMirror.Sources;

/// <summary>Reads the top-level settings keys of newsmirror.yml (<c>layout:</c>, <c>git:</c>, <c>status-file:</c>, <c>push:</c>, <c>catalog:</c>, <c>raw:</c>).</summary>
internal static class ArchiveSettingsEntry
{
    public static ArchiveSettings Apply(ArchiveSettings settings, string key, YamlNode value, string file) => key switch
    {
        "layout" => settings with { Layout = Layout(value, file) },
        "git" => Git(settings, value, file),
        "status-file" => settings with { StatusFile = Boolean(value, "status-file", file) },
        "push" => settings with { PushRemotes = PushRemotes(value, file) },
        "catalog" => settings with { Catalog = CatalogUrl(value, file) },
        "raw" => settings with { Raw = Raw(value, file) },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a settings key"),
    };

    private static ArchiveLayout Layout(YamlNode value, string file) => Scalar(value, "layout", file) switch
    {
        "duty" => ArchiveLayout.Duty,
        "jekyll" => ArchiveLayout.Jekyll,
        var other => throw new SourcesFileException(file, SourcesFile.Line(value), "layout", $"'{other}' is not one of: duty | jekyll"),
    };

    /// <summary>A shared catalog's address; the SQLite catalog is the default and has no setting.</summary>
    private static string CatalogUrl(YamlNode value, string file)
    {
        var text = Scalar(value, "catalog", file).Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return text;
        throw new SourcesFileException(file, SourcesFile.Line(value), "catalog", "expected a postgres://user@host:port/database URL (leave the key out for the archive's own SQLite catalog)");
    }

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
            throw new SourcesFileException(file, SourcesFile.Line(value), "git", "expected a mapping (author, sign)");
        foreach (var (keyNode, node) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            if (key == "sign")
            {
                var signingKey = Scalar(node, "git.sign", file).Trim();
                if (signingKey.Length == 0) throw new SourcesFileException(file, SourcesFile.Line(node), "git.sign", "expected the path of an SSH key");
                settings = settings with { SigningKey = signingKey };
                continue;
            }
            if (key != "author")
                throw new SourcesFileException(file, SourcesFile.Line(keyNode), $"git.{key}", "unknown key (known: author, sign)");
            var author = Scalar(node, "git.author", file);
            try { NameAndEmail.Parse(author); }
            catch (FormatException e) { throw new SourcesFileException(file, SourcesFile.Line(node), "git.author", e.Message); }
            settings = settings with { GitAuthor = author };
        }
        return settings;
    }

    /// <summary>One remote name, or a list of them; each at most once.</summary>
    private static IReadOnlyList<string> PushRemotes(YamlNode value, string file)
    {
        var nodes = value is YamlSequenceNode list ? list.Children.ToList() : [value];
        var remotes = new List<string>();
        foreach (var node in nodes)
        {
            var name = Scalar(node, "push", file).Trim();
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new SourcesFileException(file, SourcesFile.Line(node), "push", $"'{name}' is not a git remote name");
            if (remotes.Contains(name))
                throw new SourcesFileException(file, SourcesFile.Line(node), "push", $"'{name}' is listed twice");
            remotes.Add(name);
        }
        if (remotes.Count == 0) throw new SourcesFileException(file, SourcesFile.Line(value), "push", "expected a remote name or a list of them");
        return remotes;
    }

    private static string Scalar(YamlNode node, string key, string file) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new SourcesFileException(file, SourcesFile.Line(node), key, "expected a single value");
}
