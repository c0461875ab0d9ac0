namespace NewsMirror.Tests.Support;

/// <summary>
/// The shared corpus of real archive files (<c>shared/corpus</c> in a folder above the repository; CI checks it out).
/// A test that reads it is reported as skipped, with the path it looked for, when it is missing: it never passes having
/// checked nothing. Such tests are <c>[SkippableFact]</c>/<c>[SkippableTheory]</c> (a plain <c>[Fact]</c> reports the skip
/// as a failure, which is still never a silent pass).
/// </summary>
internal static class SharedCorpus
{
    /// <summary>The corpus folder, or null; only for tests that check their own fixtures with or without it.</summary>
    public static string? Found { get; } = Find();

    /// <summary>The corpus folder; skips the calling test, naming where it was looked for, when it is missing.</summary>
    public static string Root
    {
        get
        {
            Skip.If(Found is null, $"the shared corpus is missing: no shared/corpus in {AppContext.BaseDirectory} or any folder above it " +
                "(check out the shared corpus beside the repository to run this test)");
            return Found!;
        }
    }

    /// <summary>The duty-machine archive of the corpus (<c>shared/corpus/duty-machine-news</c>).</summary>
    public static string DutyMachineArchive => Path.Combine(Root, "duty-machine-news");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
