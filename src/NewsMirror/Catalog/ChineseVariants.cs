using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// Traditional → simplified Chinese, character by character (table from OpenCC, see Data/README.md). Only
/// pairs of equal UTF-16 length are used, so a converted text lines up with its original position by position
/// (search snippets are cut from the original by positions found in the converted text).
/// </summary>
public static class ChineseVariants
{
    private static readonly Lazy<Dictionary<int, int>> Table = new(Load);

    /// <summary>The text with every traditional character that has a simplified form replaced by it; same length.</summary>
    public static string ToSimplified(string text)
    {
        var table = Table.Value;
        var output = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            output.Append(table.TryGetValue(rune.Value, out int simplified) ? new Rune(simplified) : rune);
        return output.ToString();
    }

    private static Dictionary<int, int> Load()
    {
        using var stream = typeof(ChineseVariants).Assembly.GetManifestResourceStream("NewsMirror.Catalog.t2s-characters.txt")
            ?? throw new InvalidOperationException("The t2s character table is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var pair = line.Split('\t');
            if (pair.Length != 2 || pair[0].Length != pair[1].Length) continue;
            table[char.ConvertToUtf32(pair[0], 0)] = char.ConvertToUtf32(pair[1], 0);
        }
        return table;
    }
}
