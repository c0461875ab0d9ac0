using NewsMirror.Sources;

namespace NewsMirror.Tests.Sources;

public class SourceWarningsTests
{
    [Fact]
    public void Warnings_added_from_many_threads_at_once_are_all_kept()
    {
        var warnings = new SourceWarnings();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => warnings.Add($"warning {i}"));

        Assert.Equal(2000, warnings.Count);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"warning {i}").Order(StringComparer.Ordinal), warnings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Warnings_keep_the_order_they_were_added_in_and_a_taken_list_does_not_change()
    {
        var warnings = new SourceWarnings { "first" };
        warnings.AddRange(["second", "third"]);
        var taken = warnings.ToList();
        warnings.Add("fourth");

        Assert.Equal(["first", "second", "third"], taken);
        Assert.Equal(["first", "second", "third", "fourth"], warnings);
    }
}
