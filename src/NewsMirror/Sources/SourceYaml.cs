using System.Text;
using NewsMirror.Bodies;

namespace NewsMirror.Sources;

/// <summary>Writes one source as an entry of the <c>sources:</c> list, in the keys <see cref="SourceEntry"/> reads.</summary>
internal static class SourceYaml
{
    /// <summary>The entry's lines (each ending in \n), "- " at <paramref name="indent"/> columns.</summary>
    /// <param name="allKeys">Every key, even where it holds the default; otherwise name, folder, url and what differs from a new source's defaults.</param>
    public static string Entry(SourceConfig source, int indent, bool allKeys)
    {
        var defaults = Keys(new SourceConfig { Name = source.Name, Folder = source.Folder, Url = source.Url }).ToDictionary();
        var keys = Keys(source).Where(k => allKeys || k.Key is "name" or "folder" or "url" || k.Value != defaults[k.Key]);
        var output = new StringBuilder();
        var first = true;
        foreach (var (key, value) in keys)
        {
            output.Append(' ', indent).Append(first ? "- " : "  ").Append(key).Append(':');
            output.Append(value.StartsWith('\n') ? value.Replace("\n", "\n" + new string(' ', indent + 4)) : " " + value).Append('\n');
            first = false;
        }
        return output.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Keys(SourceConfig s)
    {
        yield return ("name", YamlText.Scalar(s.Name));
        yield return ("folder", YamlText.Scalar(s.Folder));
        yield return ("url", YamlText.Scalar(s.Url));
        yield return ("body", SourceKeywords.Body.Keyword(s.Body));
        yield return ("link", SourceKeywords.Link.Keyword(s.Link));
        yield return ("enabled", SourceKeywords.Switch.Keyword(s.Enabled));
        yield return ("fulltext", s.FullText is null ? "none" : YamlText.Scalar(s.FullText));
        yield return ("ids", SourceKeywords.Ids.Keyword(s.Ids));
        yield return ("categories", SourceKeywords.Categories.Keyword(s.Categories));
        yield return ("include", Patterns(s.Include));
        yield return ("exclude", Patterns(s.Exclude));
        yield return ("cleanup", SourceKeywords.Cleanup.Keyword(s.Cleanup));
        yield return ("remove", YamlText.List(s.Remove));
        yield return ("iframes", YamlText.List(s.IframeHosts));
        yield return ("images", SourceKeywords.Images.Keyword(s.Images));
        yield return ("image-proxy", YamlText.Scalar(s.ImageProxy));
        yield return ("referers", s.Referers.Count == 0 ? "{}" : string.Concat(s.Referers.Select(r => $"\n{YamlText.Scalar(r.Key)}: {YamlText.Quoted(r.Value)}")));
        yield return ("timezone", YamlText.Scalar(s.TimeZone.Id));
        yield return ("allow-private", SourceKeywords.Switch.Keyword(s.AllowPrivate));
        yield return ("allow-hosts", YamlText.List(s.AllowHosts));
        yield return ("on-change", SourceKeywords.OnChange.Keyword(s.OnChange));
        yield return ("probe", s.Probe.Keyword);
        yield return ("lang", YamlText.Scalar(s.Language));
    }

    /// <summary><c>{}</c> for no rule, else a nested mapping (its lines start with \n; the caller indents them, as for referers).</summary>
    private static string Patterns(ItemPatterns? patterns)
    {
        if (patterns is null) return "{}";
        var fields = new (string Name, IReadOnlyList<string> Values)[]
        {
            ("title", patterns.Title), ("categories", patterns.Categories), ("author", patterns.Author),
            ("link", patterns.Link), ("body", patterns.Body),
        };
        var given = fields.Where(f => f.Values.Count > 0).ToList();
        return given.Count == 0 ? "{}" : string.Concat(given.Select(f => $"\n{f.Name}: {YamlText.List(f.Values)}"));
    }
}
