using System.Text.RegularExpressions;
using NewsMirror.Running.Demo;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Running.Demo;

/// <summary>`newsmirror demo` through the real executable: sample outlets on 127.0.0.1, archived and published with no network.</summary>
public class DemoCommandTests
{
    private static readonly Regex Address = new(@"https?://[^\s)""'<>]+", RegexOptions.Compiled);

    [Fact]
    public async Task Archives_every_sample_outlet_builds_the_site_and_reports_the_broken_feed()
    {
        using var temp = new TempFolder();

        var result = await CliProcess.RunAsync(temp.Path, "demo");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        // The default folder is a new one in the current folder, named by the time.
        var archive = Assert.Single(Directory.GetDirectories(temp.Path));
        Assert.Matches(@"^newsmirror-demo-\d{8}-\d{6}$", Path.GetFileName(archive));

        foreach (var outlet in DemoOutlet.All.Where(o => o.Kind != DemoFeedKind.Broken))
        {
            Assert.Equal(outlet.Stories, Directory.GetFiles(Path.Combine(archive, "articles", outlet.Folder), "*.md").Length);
            Assert.True(File.Exists(Path.Combine(archive, "lists", outlet.Name + ".md")), outlet.Name);
            Assert.Contains($"{outlet.Stories} articles → {Path.Combine(archive, "articles", outlet.Folder)}", result.Stdout);
        }
        var broken = DemoOutlet.All.Single(o => o.Kind == DemoFeedKind.Broken);
        Assert.False(Directory.Exists(Path.Combine(archive, "articles", broken.Folder)));
        Assert.Matches($"{broken.Name} +failed, as it should .*: Not a feed", result.Stdout);
        // The address guard let each source's page and picture fetches reach the loopback server (allow-hosts).
        Assert.DoesNotContain("warning:", result.Stdout);

        Assert.True(File.Exists(Path.Combine(archive, "README.md")));
        Assert.True(File.Exists(Path.Combine(archive, "site", "index.html")));
        Assert.Equal(270, Directory.GetFiles(Path.Combine(archive, "site", "articles"), "*.html", SearchOption.AllDirectories).Length);
        Assert.Contains($"Site:       {Path.Combine(archive, "site", "index.html")}", result.Stdout);

        // Pictures were fetched from the loopback server and stored beside the articles.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(archive, "assets", "chenguang"), "*.png"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(archive, "assets", "chengshi"), "*.png"));

        // Every address the pipeline met — article links, pictures, pages — was on 127.0.0.1.
        var addresses = Directory.GetFiles(Path.Combine(archive, "articles"), "*.md", SearchOption.AllDirectories)
            .SelectMany(f => Address.Matches(File.ReadAllText(f)).Select(m => new Uri(m.Value)))
            .ToList();
        Assert.Equal(270, addresses.Count);
        Assert.All(addresses, a => Assert.Equal("127.0.0.1", a.Host));
    }

    [Fact]
    public async Task Refuses_a_folder_that_is_not_empty()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("notes.txt"), "mine");

        var result = await CliProcess.RunAsync(temp.Path, "demo", "--archive", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{temp.Path} is not empty", result.Stderr);
        Assert.Equal([temp.Combine("notes.txt")], Directory.GetFileSystemEntries(temp.Path));
    }
}
