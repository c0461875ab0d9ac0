using NewsMirror.Publishing.Epub;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Epub;

/// <summary><c>newsmirror export epub</c> and <c>site build --epub</c>, run as the real executable.</summary>
public sealed class ExportEpubCommandTests : IDisposable
{
    private readonly EpubTestArchive _archive = new();
    private readonly TempFolder _workingFolder = new();

    public void Dispose()
    {
        _archive.Dispose();
        _workingFolder.Dispose();
    }

    [Fact]
    public async Task Export_epub_writes_the_last_day_into_the_current_folder_by_default()
    {
        var dayBefore = EpubDigest.DefaultFileName(new EpubDigestOptions(DateTimeOffset.UtcNow, TimeSpan.FromDays(1)));

        var result = await CliProcess.RunAsync(_workingFolder.Path, "export", "epub", "--archive", _archive.Root);

        var dayAfter = EpubDigest.DefaultFileName(new EpubDigestOptions(DateTimeOffset.UtcNow, TimeSpan.FromDays(1)));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var file = Path.GetFileName(Assert.Single(Directory.GetFiles(_workingFolder.Path, "*.epub")));
        Assert.Contains(file, new[] { dayBefore, dayAfter });
        Assert.Contains("4 articles, 1 images", result.Stdout);
        var toc = new EpubBook(Path.Combine(_workingFolder.Path, file)).Toc();
        Assert.Equal([2, 2], toc.Select(s => s.Entries.Count));
    }

    [Fact]
    public async Task Export_epub_takes_since_source_and_out()
    {
        var output = Path.Combine(_workingFolder.Path, "books", "rfi.epub");

        var result = await CliProcess.RunAsync(_workingFolder.Path, "export", "epub", "--archive", _archive.Root, "--since", "4d", "--source", "法广", "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var section = Assert.Single(new EpubBook(output).Toc());
        Assert.Equal("法广（3 篇）", section.Heading);
        Assert.Contains(EpubTestArchive.OldTitle, section.Entries.Select(e => e.Title));
    }

    [Theory]
    [InlineData("--source", "没有这个来源", "no source or folder named '没有这个来源'")]
    [InlineData("--since", "yesterday", "--since: 'yesterday' is not a duration")]
    public async Task Export_epub_refuses_bad_arguments_with_exit_code_2(string option, string value, string message)
    {
        var result = await CliProcess.RunAsync(_workingFolder.Path, "export", "epub", "--archive", _archive.Root, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Empty(Directory.GetFiles(_workingFolder.Path, "*.epub"));
    }

    [Fact]
    public async Task Site_build_with_epub_writes_the_latest_digest_and_the_home_page_links_it()
    {
        var site = Path.Combine(_workingFolder.Path, "site");

        var plain = await CliProcess.RunAsync(_workingFolder.Path, "site", "build", "--archive", _archive.Root, "--out", site);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.DoesNotContain("latest.epub", File.ReadAllText(Path.Combine(site, "index.html")));

        var result = await CliProcess.RunAsync(_workingFolder.Path, "site", "build", "--archive", _archive.Root, "--out", site, "--epub");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("href=\"digest/latest.epub\"", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Equal(4, new EpubBook(Path.Combine(site, "digest", "latest.epub")).Toc().Sum(s => s.Entries.Count));
        // A later build without --epub keeps the digest and its link.
        var again = await CliProcess.RunAsync(_workingFolder.Path, "site", "build", "--archive", _archive.Root, "--out", site);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.True(File.Exists(Path.Combine(site, "digest", "latest.epub")));
        Assert.Contains("href=\"digest/latest.epub\"", File.ReadAllText(Path.Combine(site, "index.html")));
    }
}
