using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsMirror.Archive;
using NewsMirror.Urls;

namespace NewsMirror.Tests.Support;

/// <summary>
/// A test oracle: the duty-machine script's behaviour for one feed outlet, step by step as FORMAT.md states
/// it (first name in string order is the newest, items newer than its time get ids below its id, the list
/// page is the first 300 names). Written independently of NewsMirror's pipeline so the two can be compared.
/// Only the text rules (JS trim, WHATWG link) are shared, and those have golden tests of their own.
/// </summary>
public static class ReferenceScript
{
    public sealed record Item(string Title, string Link, string PubDate, string Body);

    public static void Run(string root, string displayName, string folder, IEnumerable<Item> feed)
    {
        var directory = Path.Combine(root, "articles", folder);
        Directory.CreateDirectory(directory);
        var names = Names(directory);
        long lastId = 1048575, lastDate = 0;
        if (names.Count > 0)
        {
            lastId = long.Parse(Regex.Match(names[0], @"^\d+").Value, CultureInfo.InvariantCulture);
            lastDate = Timestamp(File.ReadAllText(Path.Combine(directory, names[0])));
        }

        var id = lastId;
        var fresh = feed
            .Select(item => (item, ms: DateTimeOffset.Parse(item.PubDate, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()))
            .OrderBy(x => x.ms)
            .Where(x => x.ms > lastDate);
        foreach (var (item, ms) in fresh)
        {
            id--;
            var body = string.Concat(item.Body.Split('\n').Select(JsWhitespace.Trim));
            var text = $"<!--{ms}-->\n[{JsWhitespace.Trim(item.Title)}]({WhatwgUrl.Serialize(item.Link)})\n------\n\n{body}\n";
            File.WriteAllText(Path.Combine(directory, $"{id}.md"), text, new UTF8Encoding(false));
        }

        var entries = Names(directory).Take(300).Select(name =>
        {
            var text = File.ReadAllText(Path.Combine(directory, name));
            var start = text.IndexOf('[') + 1;
            var title = text[start..text.IndexOf("](", start, StringComparison.Ordinal)];
            var china = DateTimeOffset.FromUnixTimeMilliseconds(Timestamp(text)).ToOffset(TimeSpan.FromHours(8));
            return $"{china.Month}-{china.Day} [{ListTitle(title)}](/articles/{folder}/{name})\n";
        });
        var list = $"{displayName}\n------\n\n{string.Join("\n", entries)}\n";
        Directory.CreateDirectory(Path.Combine(root, "lists"));
        File.WriteAllText(Path.Combine(root, "lists", displayName + ".md"), list, new UTF8Encoding(false));
    }

    /// <summary>
    /// The one deliberate difference on list pages: NewsMirror backslash-escapes what would let a title break its
    /// link or inject markup — a bracket without its partner, a pair followed by ( or [, a backtick, a &lt; before
    /// a letter, / ! or ?, kramdown's {:, and a backslash before ASCII punctuation or at the end.
    /// </summary>
    private static string ListTitle(string title)
    {
        var escape = Regex.Matches(title, @"`|<(?=[A-Za-z/!?])|\{(?=:)|\\(?=[!-/:-@\[-`{-~]|$)").Select(m => m.Index).ToHashSet();
        var open = new Stack<int>();
        for (var i = 0; i < title.Length; i++)
        {
            if (title[i] == '[') open.Push(i);
            else if (title[i] == ']' && open.Count == 0) escape.Add(i);
            else if (title[i] == ']' && open.Pop() is var partner && i + 1 < title.Length && title[i + 1] is '(' or '[') escape.UnionWith([partner, i]);
        }
        escape.UnionWith(open);
        return string.Concat(title.Select((c, i) => escape.Contains(i) ? "\\" + c : c.ToString()));
    }

    private static List<string> Names(string directory) =>
        Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    private static long Timestamp(string text) => long.Parse(Regex.Match(text, @"^<!--(\d+)-->").Groups[1].Value, CultureInfo.InvariantCulture);
}
