using System.Text.Json;

namespace NewsMirror.Tests.Catalog;

/// <summary>One input of <c>Fixtures/tokenizer-vectors.json</c> and what the search tokenizer must make of it.</summary>
public sealed record TokenizerVector(string Name, string Input, string[] Tokens, string[] Pairs, string[] Query)
{
    public override string ToString() => Name;
}

/// <summary>The shared test vectors of the search tokenizer, read by the C# tests and handed to the site's JavaScript.</summary>
public static class TokenizerVectors
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", "tokenizer-vectors.json");

    public static IReadOnlyList<TokenizerVector> All { get; } = Load();

    public static TheoryData<TokenizerVector> Theory => new(All);

    private static List<TokenizerVector> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        var vectors = document.RootElement.GetProperty("vectors")
            .Deserialize<List<TokenizerVector>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        if (vectors is not { Count: > 0 }) throw new InvalidDataException($"{FilePath}: no vectors");
        return vectors;
    }
}
