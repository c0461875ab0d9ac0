using System.Text;

namespace NewsMirror.Catalog;

/// <summary>
/// Traditional → simplified Chinese, character by character (table from OpenCC, see Data/README.md). Only
/// pairs of equal UTF-16 length are used, so a converted text lines up with its original position by position
/// (search snippets are cut from the original by positions found in the converted text).
/// </summary>
public static class ChineseVariants
{
    private static readonly Lazy<Table> Mapping = new(Load);

    /// <summary>The text with every traditional character that has a simplified form replaced by it; same length.</summary>
    public static string ToSimplified(string text)
    {
        var table = Mapping.Value;
        return string.Create(text.Length, text, (output, input) =>
        {
            for (int i = 0; i < input.Length; i++)
            {
                char c = input[i];
                if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]) &&
                    table.Astral.TryGetValue(char.ConvertToUtf32(c, input[i + 1]), out int simplified))
                {
                    char.ConvertFromUtf32(simplified).CopyTo(output[i..]);
                    i++;
                    continue;
                }
                // Most text is already simplified or not Chinese: one array look-up per character.
                output[i] = table.Bmp[c] is var mapped && mapped != '\0' ? mapped : c;
            }
        });
    }

    /// <summary>Every traditional → simplified pair of the table, by code point (the reading site's search script gets them too).</summary>
    public static IEnumerable<(int Traditional, int Simplified)> Pairs()
    {
        var table = Mapping.Value;
        for (int c = 0; c <= char.MaxValue; c++)
            if (table.Bmp[c] != '\0') yield return (c, table.Bmp[c]);
        foreach (var (traditional, simplified) in table.Astral.OrderBy(p => p.Key)) yield return (traditional, simplified);
    }

    /// <summary>Characters of the Basic Multilingual Plane in an array indexed by character ('\0': unchanged), the rest by code point.</summary>
    private sealed record Table(char[] Bmp, Dictionary<int, int> Astral);

    private static Table Load()
    {
        using var stream = typeof(ChineseVariants).Assembly.GetManifestResourceStream("NewsMirror.Catalog.t2s-characters.txt")
            ?? throw new InvalidOperationException("The t2s character table is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Table(new char[char.MaxValue + 1], []);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var pair = line.Split('\t');
            if (pair.Length != 2 || pair[0].Length != pair[1].Length) continue;
            if (pair[0].Length == 1) table.Bmp[pair[0][0]] = pair[1][0];
            else table.Astral[char.ConvertToUtf32(pair[0], 0)] = char.ConvertToUtf32(pair[1], 0);
        }
        return table;
    }
}
