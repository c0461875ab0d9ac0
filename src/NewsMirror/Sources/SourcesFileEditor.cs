using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace NewsMirror.Sources;

/// <summary>
/// Edits newsmirror.yml as text, so that comments and formatting outside the edited entry survive: YamlDotNet
/// gives the positions of the nodes, and only the lines of one entry are inserted, removed or changed. Every
/// result is loaded again before it is returned, so an edit never leaves a file the loader refuses.
/// </summary>
public static class SourcesFileEditor
{
    /// <summary>The text with <paramref name="source"/> appended to the <c>sources:</c> list.</summary>
    /// <exception cref="SourcesFileException">The text cannot be loaded, or would not load with the new entry.</exception>
    public static string Append(string text, SourceConfig source, string fileName)
    {
        var (_, list) = Load(text, fileName);
        string edited;
        if (list.Style == SequenceStyle.Flow)
        {
            if (list.Children.Count > 0)
                throw new SourcesFileException(fileName, SourcesFile.Line(list), "sources", "written as a flow list [...]: write it as a block list (one '- name:' per entry) to edit it with newsmirror");
            var start = (int)list.Start.Index;
            var end = text.IndexOf(']', start) + 1;
            edited = text[..start].TrimEnd(' ') + "\n" + SourceYaml.Entry(source, 2, allKeys: false).TrimEnd('\n') + text[end..];
        }
        else
        {
            var last = list.Children[^1];
            var at = EndOfLastLine(text, last);
            var indent = (int)list.Start.Column - 1;
            edited = text[..at] + (at > 0 && text[at - 1] != '\n' ? "\n" : "") + SourceYaml.Entry(source, indent, allKeys: false) + text[at..];
        }
        return Checked(edited, fileName);
    }

    /// <summary>The text without the entry named <paramref name="name"/>; comments on other lines stay.</summary>
    /// <exception cref="SourcesFileException">No such entry, or the text cannot be loaded.</exception>
    public static string Remove(string text, string name, string fileName)
    {
        var (key, list) = Load(text, fileName);
        var entry = Find(list, name, fileName);
        var start = LineStart(text, (int)entry.Start.Index);
        var end = EndOfLastLine(text, entry);
        var edited = text[..start] + text[end..];
        if (list.Children.Count == 1)
        {
            // The list would be empty (YAML null): write it as an empty flow list.
            var afterColon = text.IndexOf(':', (int)key.End.Index) + 1;
            edited = edited[..afterColon] + " []" + edited[afterColon..];
        }
        return Checked(edited, fileName);
    }

    /// <summary>The text with <c>enabled: false</c> in the entry named <paramref name="name"/> (set, or added as its last key).</summary>
    /// <exception cref="SourcesFileException">No such entry, or the text cannot be loaded.</exception>
    public static string Disable(string text, string name, string fileName)
    {
        var (_, list) = Load(text, fileName);
        var entry = Find(list, name, fileName);
        string edited;
        if (entry.Children.TryGetValue(new YamlScalarNode("enabled"), out var value))
        {
            edited = text[..(int)value.Start.Index] + "false" + text[(int)value.End.Index..];
        }
        else
        {
            var at = EndOfLastLine(text, entry);
            var indent = new string(' ', (int)entry.Start.Column - 1);
            edited = text[..at] + (text[at - 1] != '\n' ? "\n" : "") + indent + "enabled: false\n" + text[at..];
        }
        return Checked(edited, fileName);
    }

    private static (YamlScalarNode Key, YamlSequenceNode List) Load(string text, string fileName)
    {
        SourcesFile.ParseConfig(text, fileName);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var (key, list) = root.Children.First(c => ((YamlScalarNode)c.Key).Value == "sources");
        return ((YamlScalarNode)key, (YamlSequenceNode)list);
    }

    private static YamlMappingNode Find(YamlSequenceNode list, string name, string fileName)
    {
        foreach (var entry in list.Children.Cast<YamlMappingNode>())
            if (entry.Children.TryGetValue(new YamlScalarNode("name"), out var value) && ((YamlScalarNode)value).Value == name)
                return entry;
        throw new SourcesFileException(fileName, SourcesFile.Line(list), "name", $"no source named '{name}' in the file");
    }

    /// <summary>
    /// Just past the line on which the node's content ends. Collections carry no end position, so this is the end of
    /// its last scalar (a block scalar ends at the start of the following line, which it does not include).
    /// </summary>
    private static int EndOfLastLine(string text, YamlNode node)
    {
        var end = (int)node.AllNodes.OfType<YamlScalarNode>().Max(n => n.End.Index);
        if (end > 0 && text[end - 1] == '\n') return end;
        var lineEnd = text.IndexOf('\n', end);
        return lineEnd < 0 ? text.Length : lineEnd + 1;
    }

    private static int LineStart(string text, int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    private static string Checked(string edited, string fileName)
    {
        try
        {
            SourcesFile.ParseConfig(edited, fileName);
        }
        catch (SourcesFileException e)
        {
            throw new SourcesFileException(fileName, e.Line, e.Key, $"the edited file would not load: {e.Message}");
        }
        return edited;
    }
}
