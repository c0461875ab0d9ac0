using System.Text;
using Microsoft.Extensions.Time.Testing;
using NewsMirror.Archive;
using NewsMirror.Fetching;
using NewsMirror.Sources;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running;

/// <summary>
/// The archive the nine built-in outlets leave after two runs over the same loopback feeds, byte for byte against a
/// committed copy (<c>Running/Fixtures/golden-archive/&lt;case&gt;</c>): every article file, list page and the README.
/// The state folder (catalog, identity logs) is not compared: it records when the run happened, not what it archived.
/// The runs are what <c>newsmirror run</c> does, in process so that the test sets the run's clock (items without a
/// date are archived at that time). The loopback server's address, which changes with each run, is written as
/// <see cref="LoopbackPlaceholder"/> in the copy.
/// <para>
/// After an intended change of the archive format, regenerate the copy and review its diff before committing it:
/// <c>NEWSMIRROR_WRITE_GOLDEN=1 dotnet test tests/NewsMirror.Tests --filter "FullyQualifiedName~GoldenArchiveTests"</c>
/// (the test then writes the copy into the source tree and fails, saying so).
/// </para>
/// </summary>
public class GoldenArchiveTests
{
    private const string LoopbackPlaceholder = "http://127.0.0.1:PORT/";
    private static readonly UTF8Encoding Utf8 = new(false);
    private static readonly DateTimeOffset FirstRun = new(2024, 3, 27, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondRun = new(2024, 3, 28, 20, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("cleanup-none", "    cleanup: none\n" + MirrorFixture.AllowLoopback)]
    [InlineData("cleanup-default", MirrorFixture.AllowLoopback)]
    public async Task The_nine_outlets_leave_the_golden_archive_byte_for_byte(string name, string sourceKeys)
    {
        await using var m = await MirrorFixture.StartAsync(sourceKeys);

        GoldenFeeds.ServeFirst(m);
        await RunAsync(m, FirstRun);
        GoldenFeeds.ServeSecond(m);
        await RunAsync(m, SecondRun);

        var produced = ArchiveFiles(m.Archive.Path, m.Server.BaseUrl.ToString());
        if (Environment.GetEnvironmentVariable("NEWSMIRROR_WRITE_GOLDEN") == "1")
        {
            var written = WriteGolden(name, produced);
            Assert.Fail($"NEWSMIRROR_WRITE_GOLDEN=1: wrote {produced.Count} files to {written}; review the diff, commit, and run again without it");
        }
        var golden = Path.Combine(AppContext.BaseDirectory, "Running", "Fixtures", "golden-archive", name);
        Assert.True(Directory.Exists(golden), $"no golden copy at {golden}");
        var expected = Directory.EnumerateFiles(golden, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(golden, f).Replace('\\', '/'), File.ReadAllBytes);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), produced.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(produced[file]), $"{file} differs from the golden copy:\n{Text(produced[file])}");
    }

    /// <summary>One <c>newsmirror run</c> over every configured source, at <paramref name="now"/>.</summary>
    private static async Task RunAsync(MirrorFixture m, DateTimeOffset now)
    {
        var config = SourceSelection.LoadConfig(null, m.Archive.Path);
        var sources = config.Sources.Where(s => s.Enabled).ToList();
        var run = new NewsMirror.Running.ArchiveRun(new ArchivePaths(m.Archive.Path), new FetchLimits { Timeout = TimeSpan.FromSeconds(30) }, new FakeTimeProvider(now))
        {
            Layout = config.Settings.Layout,
            IndexSources = sources,
        };

        var report = await run.RunAsync(sources, CancellationToken.None);

        Assert.All(report.Sources, s => Assert.True(s.Ok, $"{s.Name}: {s.Error}"));
    }

    /// <summary>Every file of the archive but the state folder, by relative path, with the server's address replaced.</summary>
    private static Dictionary<string, byte[]> ArchiveFiles(string root, string serverBase)
    {
        var state = new ArchivePaths(root).StateFolder;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(state + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetFileName(f) != "newsmirror.yml")
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => WithPlaceholder(File.ReadAllBytes(f), serverBase));
    }

    private static byte[] WithPlaceholder(byte[] bytes, string serverBase)
    {
        var text = Utf8.GetString(bytes);
        return text.Contains(serverBase, StringComparison.Ordinal) ? Utf8.GetBytes(text.Replace(serverBase, LoopbackPlaceholder)) : bytes;
    }

    /// <summary>Writes the copy into the source tree (found above the test binaries), replacing the old one.</summary>
    private static string WriteGolden(string name, Dictionary<string, byte[]> files)
    {
        var project = new DirectoryInfo(AppContext.BaseDirectory);
        while (project is not null && !File.Exists(Path.Combine(project.FullName, "NewsMirror.Tests.csproj"))) project = project.Parent;
        if (project is null) throw new InvalidOperationException($"NewsMirror.Tests.csproj not found above {AppContext.BaseDirectory}");
        var target = Path.Combine(project.FullName, "Running", "Fixtures", "golden-archive", name);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        foreach (var (file, bytes) in files)
        {
            var path = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        return target;
    }

    private static string Text(byte[] bytes) => Utf8.GetString(bytes);
}
