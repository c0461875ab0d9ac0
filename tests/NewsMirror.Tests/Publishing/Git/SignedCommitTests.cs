using NewsMirror.Tests.Support;
using static NewsMirror.Tests.Publishing.Git.RunCommitTests;

namespace NewsMirror.Tests.Publishing.Git;

/// <summary>Run commits signed with git's SSH signing, by <c>git: sign:</c> or by the repository's own configuration, checked by <c>git verify-commit</c>.</summary>
public class SignedCommitTests
{
    private sealed record Key(string Private, string AllowedSigners);

    /// <summary>A fresh ed25519 key without passphrase, and an allowed-signers file that trusts it for the test author.</summary>
    private static Key MakeKey(TempFolder folder)
    {
        var key = folder.Combine("id_ed25519");
        var keygen = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key])!;
        keygen.WaitForExit();
        Assert.Equal(0, keygen.ExitCode);
        var allowed = folder.Combine("allowed_signers");
        File.WriteAllText(allowed, $"{TestGit.AuthorEmail} {File.ReadAllText(key + ".pub").Trim()}\n");
        return new Key(key, allowed);
    }

    private static (int ExitCode, string Stdout, string Stderr) VerifyCommit(GitMirror g, string clone, Key key) =>
        g.Git.TryRun(clone, "-c", "gpg.ssh.allowedSignersFile=" + key.AllowedSigners, "verify-commit", "HEAD");

    [Fact]
    public async Task The_key_named_in_newsmirror_yml_signs_the_runs_commit()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var g = await GitMirror.StartAsync();
        using var keys = new TempFolder();
        var key = MakeKey(keys);
        var clone = g.Clone("a");
        File.AppendAllText(Path.Combine(clone, "newsmirror.yml"), $"git:\n  sign: {key.Private}\n");
        g.Git.Run(clone, "commit", "--quiet", "-am", "sign run commits");
        Assert.NotEqual(0, VerifyCommit(g, clone, key).ExitCode);
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var verified = VerifyCommit(g, clone, key);
        Assert.True(verified.ExitCode == 0, verified.Stderr);
        Assert.Contains($"Good \"git\" signature for {TestGit.AuthorEmail} with ED25519 key", verified.Stderr);
    }

    [Fact]
    public async Task The_repositorys_own_signing_configuration_is_honoured()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var g = await GitMirror.StartAsync();
        using var keys = new TempFolder();
        var key = MakeKey(keys);
        var clone = g.Clone("a");
        g.Git.Run(clone, "config", "gpg.format", "ssh");
        g.Git.Run(clone, "config", "user.signingkey", key.Private);
        g.Git.Run(clone, "config", "commit.gpgsign", "true");
        g.Mirror.ServeFeed("rfi", Item("法广一", "rfi/1", "Tue, 26 Mar 2024 08:45:01 GMT"));

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var verified = VerifyCommit(g, clone, key);
        Assert.True(verified.ExitCode == 0, verified.Stderr);
    }

    [Fact]
    public async Task A_signing_key_that_is_not_there_is_a_usage_error_naming_the_setting()
    {
        await using var g = await GitMirror.StartAsync();
        var clone = g.Clone("a");
        File.AppendAllText(Path.Combine(clone, "newsmirror.yml"), "git:\n  sign: keys/missing_ed25519\n");

        var result = await g.RunAsync(clone, "--commit", "--only", "法广");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("git.sign in newsmirror.yml: no SSH key at", result.Stderr);
        Assert.Contains(Path.Combine("keys", "missing_ed25519"), result.Stderr);
    }
}
