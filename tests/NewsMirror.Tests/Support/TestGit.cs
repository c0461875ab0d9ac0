using System.Diagnostics;

namespace NewsMirror.Tests.Support;

/// <summary>
/// The real git binary with an environment that does not depend on the machine: an empty HOME, no system config,
/// a fixed author and committer (or none, with <see cref="WithoutUser"/>), no prompts.
/// </summary>
public sealed class TestGit : IDisposable
{
    public const string AuthorName = "Test Author";
    public const string AuthorEmail = "author@example.org";

    private readonly TempFolder _home = new();

    public TestGit(bool withUser = true)
    {
        Environment = new Dictionary<string, string?>
        {
            ["HOME"] = _home.Path,
            ["XDG_CONFIG_HOME"] = _home.Path,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["EMAIL"] = null,
            ["GIT_AUTHOR_NAME"] = withUser ? AuthorName : null,
            ["GIT_AUTHOR_EMAIL"] = withUser ? AuthorEmail : null,
            ["GIT_COMMITTER_NAME"] = withUser ? AuthorName : null,
            ["GIT_COMMITTER_EMAIL"] = withUser ? AuthorEmail : null,
            ["CI"] = null,
        };
    }

    /// <summary>Git's environment for a repository with no user configured anywhere.</summary>
    public static TestGit WithoutUser() => new(withUser: false);

    public Dictionary<string, string?> Environment { get; }

    /// <summary>Runs git and returns its standard output; throws with git's output when it fails.</summary>
    public string Run(string directory, params string[] args)
    {
        var (code, stdout, stderr) = TryRun(directory, args);
        if (code != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({code}): {stderr}{stdout}");
        return stdout;
    }

    public (int ExitCode, string Stdout, string Stderr) TryRun(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in Environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>A new repository on branch main with the given files committed.</summary>
    public void InitWithFiles(string directory, IReadOnlyDictionary<string, string> files)
    {
        Run(directory, "init", "--quiet", "--initial-branch=main");
        foreach (var (path, text) in files)
        {
            var full = System.IO.Path.Combine(directory, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Run(directory, "add", "-A");
        Run(directory, "-c", $"user.name={AuthorName}", "-c", $"user.email={AuthorEmail}", "commit", "--quiet", "-m", "seed");
    }

    public string Head(string directory, string revision = "HEAD") => Run(directory, "rev-parse", revision).Trim();

    public void Dispose() => _home.Dispose();
}
