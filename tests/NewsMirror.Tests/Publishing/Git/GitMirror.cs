using NewsMirror.Archive;
using NewsMirror.Tests.Running;
using NewsMirror.Tests.Support;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>
/// A mirror in git: the fixture's archive (newsmirror.yml pointing at the loopback feeds, a generated README) is
/// committed as the seed of a bare "origin" repository, from which tests clone working copies to run in.
/// </summary>
public sealed class GitMirror : IAsyncDisposable
{
    private readonly TempFolder _repos = new();

    private GitMirror(MirrorFixture mirror, TestGit git)
    {
        Mirror = mirror;
        Git = git;
    }

    public MirrorFixture Mirror { get; }
    public TestGit Git { get; }
    public string Origin => _repos.Combine("origin.git");

    public static async Task<GitMirror> StartAsync(bool withUser = true)
    {
        var mirror = await MirrorFixture.StartAsync();
        var git = new TestGit(withUser);
        var fixture = new GitMirror(mirror, git);
        File.WriteAllText(mirror.Archive.Combine("README.md"), ReadmePage.Generate(MirrorFixture.Names.Values.ToList()));
        git.InitWithFiles(mirror.Archive.Path, new Dictionary<string, string>());
        git.Run(fixture._repos.Path, "clone", "--quiet", "--bare", mirror.Archive.Path, fixture.Origin);
        return fixture;
    }

    /// <summary>A fresh working copy of origin.</summary>
    public string Clone(string name)
    {
        var path = _repos.Combine(name);
        Git.Run(_repos.Path, "clone", "--quiet", Origin, path);
        return path;
    }

    public Task<CliProcess.Result> RunAsync(string workingCopy, params string[] args) =>
        CliProcess.RunAsync(workingCopy, Git.Environment, ["run", .. args]);

    /// <summary>The files of a commit's tree under a folder, relative to the repository root.</summary>
    public List<string> Tree(string repository, string revision, string folder) =>
        Git.Run(repository, "-c", "core.quotepath=false", "ls-tree", "-r", "--name-only", revision, "--", folder)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    public string Show(string repository, string revision, string path) => Git.Run(repository, "show", $"{revision}:{path}");

    public int CommitCount(string repository, string revision = "HEAD") => int.Parse(Git.Run(repository, "rev-list", "--count", revision));

    public async ValueTask DisposeAsync()
    {
        await Mirror.DisposeAsync();
        Git.Dispose();
        _repos.Dispose();
    }
}
