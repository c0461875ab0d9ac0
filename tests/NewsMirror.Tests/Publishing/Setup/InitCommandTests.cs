using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsMirror.Archive;
using NewsMirror.Sources;
using NewsMirror.Tests.Archive;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Sources;
using NewsMirror.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace NewsMirror.Tests.Publishing.Setup;

/// <summary>`newsmirror init` through the real executable.</summary>
public class InitCommandTests
{
    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    /// <summary>`sh -n`: the shell accepts the script's syntax.</summary>
    private static void AssertShellSyntax(string script)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var shell = Process.Start(start)!;
        var errors = shell.StandardError.ReadToEnd();
        shell.WaitForExit();
        Assert.True(shell.ExitCode == 0, errors + "\n" + script);
    }

    private static Dictionary<string, byte[]> FilesUnder(string root, string folder) =>
        Directory.Exists(Path.Combine(root, folder))
            ? Directory.GetFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes)
            : [];

    [SkippableFact]
    public async Task Creates_a_repository_with_a_loadable_config_readme_gitignore_and_hourly_github_workflow()
    {
        using var git = new TestGit();
        using var parent = new TempFolder();
        var dir = parent.Combine("mirror");

        var result = await CliProcess.RunAsync(parent.Path, git.Environment, "init", "mirror");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var config = SourcesFile.LoadConfig(Path.Combine(dir, "newsmirror.yml"));
        Assert.Equal(ArchiveLayout.Duty, config.Settings.Layout);
        Assert.Equal(BuiltInSources.All.Count, config.Sources.Count);
        for (var i = 0; i < config.Sources.Count; i++) SourceConfigComparison.AssertSame(BuiltInSources.All[i], config.Sources[i]);
        var readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        foreach (var source in BuiltInSources.All) Assert.Contains($"[{source.Name}](lists/{source.Name}.md)", readme);
        Assert.Contains(ReadmePage.GeneratedMarker, readme);
        var ignored = File.ReadAllLines(Path.Combine(dir, ".gitignore"));
        foreach (var pattern in new[] { ".newsmirror/catalog.db*", ".newsmirror/lock", "site/" }) Assert.Contains(pattern, ignored);
        Assert.Equal("main", git.Run(dir, "symbolic-ref", "--short", "HEAD").Trim());

        var workflow = LoadYaml(Path.Combine(dir, ".github", "workflows", "newsmirror.yml"));
        Assert.Matches(new Regex(@"^[0-5]?[0-9] \* \* \* \*$"), Text(At(((YamlSequenceNode)At(workflow, "on", "schedule"))[0], "cron")));
        Assert.Contains(new YamlScalarNode("workflow_dispatch"), ((YamlMappingNode)At(workflow, "on")).Children.Keys);
        Assert.Equal("write", Text(At(workflow, "permissions", "contents")));
        Assert.NotEmpty(Text(At(workflow, "concurrency", "group")));
        Assert.Equal("false", Text(At(workflow, "concurrency", "cancel-in-progress")));
        var steps = ((YamlSequenceNode)At(workflow, "jobs", "archive", "steps")).Cast<YamlMappingNode>().ToList();
        string? Uses(YamlMappingNode step) => step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) ? Text(uses) : null;
        Assert.StartsWith("actions/checkout@", Uses(steps[0]));
        var setup = steps.Single(s => Uses(s)?.StartsWith("actions/setup-dotnet@") == true);
        Assert.Equal("10.0.x", Text(At(setup, "with", "dotnet-version")));
        Assert.Contains(steps, s => Uses(s)?.StartsWith("actions/cache@") == true);
        var scripts = steps.Where(s => Uses(s) is null).Select(s => Text(At(s, "run"))).ToList();
        Assert.Contains(scripts, s => s.Contains("dotnet tool install NewsMirror.Tool"));
        Assert.Equal("newsmirror run --commit --push --fail-on all", scripts[^1]);
        foreach (var script in scripts) AssertShellSyntax(script);
        // The catalog cache comes before the run and is keyed on the NewsMirror commit and the identity logs.
        var catalogCache = steps.FindIndex(s => Uses(s)?.StartsWith("actions/cache@") == true && Text(At(s, "with", "path")) == ".newsmirror/catalog.db*");
        Assert.True(catalogCache >= 0 && catalogCache < steps.Count - 1);
        var key = Text(At(steps[catalogCache], "with", "key"));
        Assert.Contains("${{ steps.tool.outputs.commit }}", key);
        Assert.Contains("hashFiles('.newsmirror/log/**')", key);
        Assert.StartsWith(Text(At(steps[catalogCache], "with", "restore-keys")), key);
    }

    [SkippableFact]
    public async Task Writes_a_gitlab_pipeline_for_a_scheduled_run()
    {
        using var git = new TestGit();
        using var dir = new TempFolder();

        var result = await CliProcess.RunAsync(dir.Path, git.Environment, "init", "--ci", "gitlab", "--tool-repository", "https://git.example.org/newsmirror.git");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.False(Directory.Exists(dir.Combine(".github")));
        var job = At(LoadYaml(dir.Combine(".gitlab-ci.yml")), "newsmirror");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Text(At(job, "image")));
        var rules = ((YamlSequenceNode)At(job, "rules")).Select(r => Text(At(r, "if"))).ToList();
        Assert.Contains("$CI_PIPELINE_SOURCE == \"schedule\"", rules);
        Assert.NotEmpty(Text(At(job, "resource_group")));
        Assert.Equal("https://git.example.org/newsmirror.git", Text(At(job, "variables", "NEWSMIRROR_REPOSITORY")));
        var script = ((YamlSequenceNode)At(job, "script")).Select(Text).ToList();
        Assert.Equal("newsmirror run --commit --push --fail-on all", script[^1]);
        var caches = ((YamlSequenceNode)At(job, "cache")).ToList();
        Assert.Contains(caches, c => ((YamlSequenceNode)At(c, "paths")).Select(Text).SequenceEqual([".newsmirror/catalog.db*"])
            && Text(At(c, "key")).Contains("$NEWSMIRROR_REF"));
        Assert.Contains(caches, c => ((YamlSequenceNode)At(c, "paths")).Select(Text).Contains(".newsmirror-tool"));
        foreach (var line in script) AssertShellSyntax(line);
        Assert.Contains(".newsmirror-tool/", File.ReadAllLines(dir.Combine(".gitignore")));
    }

    [SkippableFact]
    public async Task Without_ci_no_workflow_is_written_and_a_second_init_changes_nothing()
    {
        using var git = new TestGit();
        using var dir = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, git.Environment, "init", "--ci", "none")).ExitCode);
        var before = FilesUnder(dir.Path, ".").Where(f => !f.Key.StartsWith(".git/")).ToDictionary();

        var second = await CliProcess.RunAsync(dir.Path, git.Environment, "init", "--ci", "none");

        Assert.Equal(0, second.ExitCode);
        Assert.False(Directory.Exists(dir.Combine(".github")));
        Assert.False(File.Exists(dir.Combine(".gitlab-ci.yml")));
        var after = FilesUnder(dir.Path, ".").Where(f => !f.Key.StartsWith(".git/")).ToDictionary();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
        Assert.Equal(4, Regex.Matches(second.Stdout, @"\bkept\b").Count);
    }

    [SkippableFact]
    public async Task A_run_in_the_new_repository_archives_and_commits()
    {
        await using var m = await MirrorFixture.StartAsync();
        using var git = new TestGit();
        using var dir = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, git.Environment, "init")).ExitCode);
        var config = dir.Combine("newsmirror.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("https://feedx.net/rss/rfi.xml", m.Server.Url("rfi.xml")));
        git.Run(dir.Path, "add", "-A");
        git.Run(dir.Path, "commit", "--quiet", "-m", "Set up NewsMirror");
        m.ServeFeed("rfi", new RssFixtureItem("法广一", "https://www.rfi.fr/cn/1", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>一</p>" });

        var result = await CliProcess.RunAsync(dir.Path, git.Environment, "run", "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("articles/rfi/1048574.md", git.Run(dir.Path, "show", "--name-only", "--format=", "HEAD"));
        Assert.Equal("", git.Run(dir.Path, "status", "--porcelain"));
    }

    [SkippableFact]
    public async Task Adopting_an_existing_archive_leaves_its_articles_and_lists_byte_identical()
    {
        using var git = new TestGit();
        using var dir = new TempFolder();
        CopyTree(Path.Combine(ArchiveTestFiles.FixturesDirectory, "articles"), dir.Combine("articles", "rfi"), flatten: true);
        if (SharedCorpus.Found is { } corpus) CopyTree(Path.Combine(corpus, "duty-machine-news"), dir.Path, flatten: false);
        var readme = dir.Combine("README.md");
        if (!File.Exists(readme)) File.Copy(ArchiveTestFiles.Fixture("readme", "hand-written.md"), readme);
        var handWritten = File.ReadAllText(readme);
        var before = FilesUnder(dir.Path, "articles").Concat(FilesUnder(dir.Path, "lists")).ToDictionary();

        var result = await CliProcess.RunAsync(dir.Path, git.Environment, "init");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var after = FilesUnder(dir.Path, "articles").Concat(FilesUnder(dir.Path, "lists")).ToDictionary();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
        Assert.StartsWith(handWritten, File.ReadAllText(readme));
        Assert.Equal(ArchiveLayout.Duty, SourcesFile.LoadConfig(dir.Combine("newsmirror.yml")).Settings.Layout);
    }

    [SkippableFact]
    public async Task A_jekyll_archive_is_detected_or_chosen_and_its_runs_write_posts()
    {
        await using var m = await MirrorFixture.StartAsync();
        using var git = new TestGit();
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.Combine("_posts"));
        var post = dir.Combine("_posts", "2024-03-25-旧文.md");
        File.WriteAllText(post, "---\nlayout: post\ntitle: \"旧文\"\ncategories: [ 法广 ]\n---\n");

        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, git.Environment, "init", "--ci", "none")).ExitCode);
        var config = dir.Combine("newsmirror.yml");
        Assert.Contains("\nlayout: jekyll\n", File.ReadAllText(config));
        using var chosen = new TempFolder();
        Assert.Equal(0, (await CliProcess.RunAsync(chosen.Path, git.Environment, "init", "--layout", "jekyll", "--ci", "none")).ExitCode);
        Assert.Equal(ArchiveLayout.Jekyll, SourcesFile.LoadConfig(chosen.Combine("newsmirror.yml")).Settings.Layout);

        File.WriteAllText(config, File.ReadAllText(config).Replace("https://feedx.net/rss/rfi.xml", m.Server.Url("rfi.xml")));
        m.ServeFeed("rfi", new RssFixtureItem("新文", "https://www.rfi.fr/cn/1", "Tue, 26 Mar 2024 08:45:01 GMT") { Description = "<p>新</p>" });
        var run = await CliProcess.RunAsync(dir.Path, git.Environment, "run", "--only", "法广");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(dir.Combine("_posts", "2024-03-26-新文.md")));
        Assert.False(Directory.Exists(dir.Combine("articles")));
        Assert.Equal("---\nlayout: post\ntitle: \"旧文\"\ncategories: [ 法广 ]\n---\n", File.ReadAllText(post));
    }

    [SkippableFact]
    public async Task A_broken_config_in_the_folder_stops_init_with_its_line()
    {
        using var git = new TestGit();
        using var dir = new TempFolder();
        File.WriteAllText(dir.Combine("newsmirror.yml"), "sources:\n  - name: A\n    folder: a\n    url: http://x/\n    colour: red\n");

        var result = await CliProcess.RunAsync(dir.Path, git.Environment, "init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("newsmirror.yml:5: key 'colour'", result.Stderr);
        Assert.False(Directory.Exists(dir.Combine(".git")));
    }

    private static void CopyTree(string from, string to, bool flatten)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = flatten ? Path.Combine(to, Path.GetFileName(file)) : Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
