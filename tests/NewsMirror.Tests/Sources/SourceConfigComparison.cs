using System.Collections;
using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

/// <summary>Compares sources key by key, lists by their items (records compare lists by reference).</summary>
internal static class SourceConfigComparison
{
    public static void AssertSame(SourceConfig expected, SourceConfig actual)
    {
        foreach (var property in typeof(SourceConfig).GetProperties())
        {
            var (e, a) = (property.GetValue(expected), property.GetValue(actual));
            if (e is IEnumerable<string> expectedItems && a is IEnumerable<string> actualItems)
                Assert.True(expectedItems.SequenceEqual(actualItems), $"{expected.Name}: {property.Name}");
            else if (e is TimeZoneInfo expectedZone && a is TimeZoneInfo actualZone)
                Assert.True(expectedZone.HasSameRules(actualZone) && expectedZone.Id == actualZone.Id, $"{expected.Name}: {property.Name}");
            else if (e is IReadOnlyDictionary<string, string> expectedMap && a is IReadOnlyDictionary<string, string> actualMap)
                Assert.Equal(expectedMap.OrderBy(p => p.Key), actualMap.OrderBy(p => p.Key));
            else if (e is ItemPatterns || a is ItemPatterns)
                Assert.Equal(Describe(e as ItemPatterns), Describe(a as ItemPatterns));
            else
                Assert.True(Equals(e, a), $"{expected.Name}: {property.Name} is {a}, expected {e}");
        }
    }

    private static string Describe(ItemPatterns? patterns) => patterns is null ? "none" : string.Join("|",
        typeof(ItemPatterns).GetProperties().Select(p => p.Name + "=" + string.Join(",", (IEnumerable)p.GetValue(patterns)! as IEnumerable<string> ?? [])));
}
