using NewsMirror.Archive;
using NewsMirror.Publishing.Git;
using NewsMirror.Sources;

namespace NewsMirror.Publishing.Setup;

/// <summary>
/// Creates an archive repository, or adopts an existing archive without touching its articles: newsmirror.yml with
/// the built-in outlets written out, the README, .gitignore, a git repository, and the CI job of the hourly run.
/// Files that exist are kept (the README only gains missing list links, .gitignore missing patterns).
/// </summary>
public sealed class ArchiveSetup(ArchivePaths paths)
{
    /// <summary>What setup did to one file.</summary>
    public sealed record Step(string Path, string Action);

    /// <param name="layout">null: the existing newsmirror.yml's, else jekyll when the folder holds only <c>_posts/</c>, else duty.</param>
    /// <exception cref="SourcesFileException">An existing newsmirror.yml cannot be read.</exception>
    public async Task<List<Step>> RunAsync(ArchiveLayout? layout, CiProvider ci, ToolSource tool, List<string> warnings, CancellationToken cancel)
    {
        Directory.CreateDirectory(paths.Root);
        var steps = new List<Step>();

        ArchiveConfig config;
        if (File.Exists(paths.SourcesFile))
        {
            config = SourcesFile.LoadConfig(paths.SourcesFile);
            if (layout is { } wanted && wanted != config.Settings.Layout)
                warnings.Add($"newsmirror.yml already says layout: {Name(config.Settings.Layout)}; edit it to change the layout");
            steps.Add(new Step(SourcesFile.DefaultName, "kept"));
        }
        else
        {
            var settings = new ArchiveSettings { Layout = layout ?? DetectLayout() };
            AtomicFile.WriteAllText(paths.SourcesFile, SourcesFileTemplate.Render(settings, BuiltInSources.All));
            config = SourcesFile.LoadConfig(paths.SourcesFile);
            steps.Add(new Step(SourcesFile.DefaultName, $"created (layout: {Name(settings.Layout)}, {config.Sources.Count} built-in outlets)"));
        }

        var readmeExisted = File.Exists(paths.Readme);
        var readmeWritten = ArchiveIndexPages.UpdateReadme(paths, config.Sources.Where(s => s.Enabled).ToList());
        steps.Add(new Step("README.md", !readmeExisted ? "created" : readmeWritten ? "updated (missing list links added)" : "kept"));

        steps.Add(WriteOrKeep(GitIgnoreFile.Name, existing => GitIgnoreFile.Update(existing, ci), "missing patterns added"));

        var git = new GitRepository(paths.Root);
        if (await git.IsWorkTreeAsync(cancel)) steps.Add(new Step(".git", "kept (already a git repository)"));
        else
        {
            await git.InitAsync("main", cancel);
            steps.Add(new Step(".git", "created (branch main)"));
        }

        if (ci == CiProvider.GitHub) steps.Add(WriteOrKeep(GitHubWorkflow.Path, existing => existing is null ? GitHubWorkflow.Render(tool) : null, null));
        if (ci == CiProvider.GitLab) steps.Add(WriteOrKeep(GitLabPipeline.Path, existing => existing is null ? GitLabPipeline.Render(tool) : null, null));
        return steps;
    }

    private ArchiveLayout DetectLayout() =>
        Directory.Exists(paths.PostsFolder) && !Directory.Exists(paths.ArticlesRoot) ? ArchiveLayout.Jekyll : ArchiveLayout.Duty;

    /// <param name="update">The new text given the existing one (null when missing); null to leave the file as it is.</param>
    private Step WriteOrKeep(string relative, Func<string?, string?> update, string? updatedAction)
    {
        var path = Path.Combine(paths.Root, relative);
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        if (update(existing) is not { } text) return new Step(relative, "kept");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, text);
        return new Step(relative, existing is null ? "created" : updatedAction ?? "updated");
    }

    private static string Name(ArchiveLayout layout) => layout == ArchiveLayout.Jekyll ? "jekyll" : "duty";
}
