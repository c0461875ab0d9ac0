using NewsMirror.Bodies;
using NewsMirror.Selection;
using NewsMirror.Urls;
using YamlDotNet.RepresentationModel;

namespace NewsMirror.Sources;

/// <summary>Reads one entry of the sources list, key by key.</summary>
internal static class SourceEntry
{
    private delegate SourceConfig Apply(SourceConfig source, YamlNode value);

    private static readonly Dictionary<string, Apply> Keys = new()
    {
        ["name"] = (s, v) => s with { Name = Text(v) },
        ["folder"] = (s, v) => s with { Folder = Text(v) },
        ["url"] = (s, v) => s with { Url = Text(v) },
        ["body"] = (s, v) => s with { Body = SourceKeywords.Body.Parse(Text(v)) },
        ["link"] = (s, v) => s with { Link = SourceKeywords.Link.Parse(Text(v)) },
        ["enabled"] = (s, v) => s with { Enabled = SourceKeywords.Switch.Parse(Text(v)) },
        ["fulltext"] = (s, v) => s with { FullText = Text(v) is "none" or "" ? null : Text(v) },
        ["ids"] = (s, v) => s with { Ids = SourceKeywords.Ids.Parse(Text(v)) },
        ["categories"] = (s, v) => s with { Categories = SourceKeywords.Categories.Parse(Text(v)) },
        ["include"] = (s, v) => s with { Include = Patterns(v) },
        ["exclude"] = (s, v) => s with { Exclude = Patterns(v) },
        ["cleanup"] = (s, v) => s with { Cleanup = SourceKeywords.Cleanup.Parse(Text(v)) },
        ["remove"] = (s, v) => s with { Remove = List(v) },
        ["iframes"] = (s, v) => s with { IframeHosts = List(v) },
        ["images"] = (s, v) => s with { Images = SourceKeywords.Images.Parse(Text(v)) },
        ["image-proxy"] = (s, v) => s with { ImageProxy = Text(v) },
        ["referers"] = (s, v) => s with { Referers = Mapping(v) },
        ["timezone"] = (s, v) => s with { TimeZone = Zone(Text(v)) },
        ["allow-private"] = (s, v) => s with { AllowPrivate = SourceKeywords.Switch.Parse(Text(v)) },
        ["allow-hosts"] = (s, v) => s with { AllowHosts = Hosts(List(v)) },
        ["on-change"] = (s, v) => s with { OnChange = SourceKeywords.OnChange.Parse(Text(v)) },
        ["probe"] = (s, v) => s with { Probe = ProbeSchedule.Parse(List(v)) },
        ["lang"] = (s, v) => s with { Language = LanguageTag(Text(v)) },
    };

    /// <summary>Every key an entry may hold, in the order the loader lists them.</summary>
    internal static IReadOnlyCollection<string> KeyNames => Keys.Keys;

    public static SourceConfig Read(YamlNode entry, string file)
    {
        if (entry is not YamlMappingNode map)
            throw new SourcesFileException(file, SourcesFile.Line(entry), null, "each source must be a mapping of keys (name, folder, url, ...)");

        var values = new List<(string Key, string Value, YamlNode Node)>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!Keys.ContainsKey(key))
                throw new SourcesFileException(file, SourcesFile.Line(keyNode), key, $"unknown key (known: {string.Join(", ", Keys.Keys)})");
            values.Add((key, valueNode is YamlScalarNode scalar ? scalar.Value ?? "" : "", valueNode));
        }

        var name = values.FirstOrDefault(v => v.Key == "name").Value;
        if (string.IsNullOrWhiteSpace(name))
            throw new SourcesFileException(file, SourcesFile.Line(entry), "name", "missing");

        // A built-in outlet's entry starts from its settings, so two lines can repoint it.
        var source = BuiltInSources.Find(name) ?? new SourceConfig { Name = name, Folder = "", Url = "" };
        foreach (var (key, value, node) in values)
        {
            try { source = Keys[key](source, node); }
            catch (FormatException e) { throw new SourcesFileException(file, SourcesFile.Line(node), key, e.Message); }
        }

        if (source.Folder.Length == 0)
            throw new SourcesFileException(file, SourcesFile.Line(entry), "folder", $"missing for '{name}'");
        if (source.Url.Length == 0)
            throw new SourcesFileException(file, SourcesFile.Line(entry), "url", $"missing for '{name}'");
        var folderProblem = FolderProblem(source.Folder);
        if (folderProblem is not null)
            throw new SourcesFileException(file, LineOf(values, "folder", entry), "folder", folderProblem);
        var urlProblem = UrlProblem(source.Url);
        if (urlProblem is not null)
            throw new SourcesFileException(file, LineOf(values, "url", entry), "url", urlProblem);
        try { Selection.ItemFilter.For(source); }
        catch (ArgumentException e) { throw new SourcesFileException(file, LineOf(values, source.Include is null ? "exclude" : "include", entry), source.Include is null ? "exclude" : "include", e.Message); }
        if (name.IndexOfAny(['/', '\\', '\0']) >= 0 || name.Contains(".."))
            throw new SourcesFileException(file, LineOf(values, "name", entry), "name", "must not contain '/', '\\', '..' or NUL: it names the list page file");
        return source;
    }

    /// <summary>Folder names become paths: anything that could leave articles/ is refused.</summary>
    internal static string? FolderProblem(string folder)
    {
        if (folder.Contains('/') || folder.Contains('\\')) return $"'{folder}' must not contain '/' or '\\'";
        if (folder.Contains("..")) return $"'{folder}' must not contain '..'";
        if (folder.StartsWith('.')) return $"'{folder}' must not start with '.'";
        if (folder.Any(char.IsControl)) return $"'{folder}' must not contain control characters";
        return null;
    }

    private static string? UrlProblem(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (HttpUrl.Is(uri) || uri.IsFile))
            return null;
        if (url.Contains("://"))
            return $"'{url}' must be an http(s) or file:// address, or a local path";
        return null;
    }

    private static int LineOf(List<(string Key, string Value, YamlNode Node)> values, string key, YamlNode entry)
    {
        foreach (var v in values)
            if (v.Key == key) return SourcesFile.Line(v.Node);
        return SourcesFile.Line(entry);
    }

    /// <summary>A BCP 47 tag as HTML's lang takes it: a 2–3 letter language, then subtags of 1–8 letters or digits.</summary>
    private static string LanguageTag(string tag) =>
        System.Text.RegularExpressions.Regex.IsMatch(tag, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
            ? tag
            : throw new FormatException($"'{tag}' is not a language tag (e.g. zh-Hans, zh-Hant, en)");

    private static string Text(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new FormatException("expected a single value");

    /// <summary>A single value or a list of values.</summary>
    private static IReadOnlyList<string> List(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode list => list.Children.Select(Text).ToList(),
        _ => throw new FormatException("expected a value or a list of values"),
    };

    /// <summary>Checked here so a typo stops the command at load time, not at the first refused fetch.</summary>
    private static IReadOnlyList<string> Hosts(IReadOnlyList<string> entries)
    {
        _ = new Fetching.AddressPolicy(false, entries);
        return entries;
    }

    private static Dictionary<string, string> Mapping(YamlNode node) => node is YamlMappingNode map
        ? map.Children.ToDictionary(pair => Text(pair.Key), pair => Text(pair.Value), StringComparer.OrdinalIgnoreCase)
        : throw new FormatException("expected a mapping of host to value");

    /// <summary>An empty mapping (<c>{}</c>) is no rule, so a file can spell out every key.</summary>
    private static ItemPatterns? Patterns(YamlNode node)
    {
        if (node is YamlMappingNode { Children.Count: 0 }) return null;
        if (node is not YamlMappingNode map)
            throw new FormatException("expected a mapping of fields (title, categories, author, link, body) to patterns");
        var patterns = new ItemPatterns();
        foreach (var (keyNode, value) in map.Children)
        {
            var field = Text(keyNode);
            patterns = field switch
            {
                "title" => patterns with { Title = List(value) },
                "categories" => patterns with { Categories = List(value) },
                "author" => patterns with { Author = List(value) },
                "link" => patterns with { Link = List(value) },
                "body" => patterns with { Body = List(value) },
                _ => throw new FormatException($"unknown field '{field}' (known: title, categories, author, link, body)"),
            };
        }
        return patterns;
    }

    private static TimeZoneInfo Zone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { throw new FormatException($"'{id}' is not a known time zone (use an IANA name such as Asia/Shanghai)"); }
    }
}
