using System.Security.Cryptography;
using NewsMirror.Evidence.Warc;
using NewsMirror.Publishing.Git;

namespace NewsMirror.Running.Fleet;

/// <summary>
/// The name a clone's raw captures are filed under (<c>DD-&lt;name&gt;-&lt;n&gt;.warc.gz</c>): made once at random and
/// kept in the clone's own git config, so it outlives the worker processes (the next one repairs the file a killed one
/// tore) and never reaches the repository, where the files of every clone meet under <c>raw: commit</c>.
/// </summary>
internal static class CloneCaptureName
{
    public const string ConfigKey = "newsmirror.capture-name";

    public static async Task<string> OfAsync(GitRepository git, CancellationToken cancel)
    {
        if (await git.ConfigAsync(ConfigKey, cancel) is { } kept)
            return WarcFolder.IsWriterName(kept) ? kept
                : throw new GitException($"git config {ConfigKey} is '{kept}': a lowercase letter, then up to 31 lowercase letters or digits (unset it and a new one is made)");
        var made = "w" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await git.CheckedAsync(["config", "--local", ConfigKey, made], cancel: cancel);
        return made;
    }
}
