using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsMirror.Sources;

/// <summary>
/// Loads <c>newsmirror.yml</c>. It walks YamlDotNet's node tree rather than deserialising into classes so
/// that every error can name the exact line and key, and so a built-in outlet's entry overrides only the
/// keys it gives.
/// </summary>
public static class SourcesFile
{
    public const string DefaultName = "newsmirror.yml";

    public static IReadOnlyList<SourceConfig> Load(string path) => LoadConfig(path).Sources;

    public static IReadOnlyList<SourceConfig> Parse(string yaml, string fileName) => ParseConfig(yaml, fileName).Sources;

    public static ArchiveConfig LoadConfig(string path)
    {
        string text;
        try { text = System.IO.File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourcesFileException(path, 0, null, $"cannot read the file: {e.Message}");
        }
        return ParseConfig(text, path);
    }

    public static ArchiveConfig ParseConfig(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e)
        {
            throw new SourcesFileException(fileName, (int)e.Start.Line, null, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SourcesFileException(fileName, 1, null, "expected a mapping with a 'sources:' list");

        YamlSequenceNode? list = null;
        var settings = new ArchiveSettings();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "sources":
                    list = value as YamlSequenceNode
                        ?? throw new SourcesFileException(fileName, Line(value), key, "expected a list of sources");
                    break;
                case "layout":
                case "git":
                case "status-file":
                case "push":
                case "catalog":
                case "raw":
                    settings = ArchiveSettingsEntry.Apply(settings, key, value, fileName);
                    break;
                default:
                    throw new SourcesFileException(fileName, Line(keyNode), key, "unknown key (known: sources, layout, git, status-file, push, catalog, raw)");
            }
        }
        if (list is null)
            throw new SourcesFileException(fileName, 1, "sources", "missing");
        return new ArchiveConfig(settings, ReadSources(list, fileName));
    }

    private static List<SourceConfig> ReadSources(YamlSequenceNode list, string fileName)
    {
        var sources = new List<SourceConfig>();
        var lineOf = new Dictionary<SourceConfig, int>();
        foreach (var entry in list.Children)
        {
            var source = SourceEntry.Read(entry, fileName);
            foreach (var other in sources)
            {
                if (other.Name == source.Name)
                    throw new SourcesFileException(fileName, Line(entry), "name", $"'{source.Name}' is used twice (also on line {lineOf[other]})");
                if (string.Equals(other.Folder, source.Folder, StringComparison.OrdinalIgnoreCase))
                    throw new SourcesFileException(fileName, Line(entry), "folder", $"'{source.Folder}' is used twice (also on line {lineOf[other]})");
            }
            sources.Add(source);
            lineOf[source] = Line(entry);
        }
        return sources;
    }

    internal static int Line(YamlNode node) => (int)node.Start.Line;
}
