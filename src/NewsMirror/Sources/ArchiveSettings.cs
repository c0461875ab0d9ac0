namespace NewsMirror.Sources;

/// <summary>How article files are laid out in the archive.</summary>
public enum ArchiveLayout
{
    /// <summary><c>articles/&lt;folder&gt;/&lt;id&gt;.md</c>, the duty-machine format.</summary>
    Duty,

    /// <summary><c>_posts/YYYY-MM-DD-&lt;title&gt;.md</c> with front matter, the Jekyll variant of related mirrors.</summary>
    Jekyll,
}

/// <summary>What becomes of the raw captures (WARC files) of what a run fetched (<c>raw:</c>).</summary>
public enum RawCapture
{
    /// <summary>Kept under <c>.newsmirror/warc/</c> and git-ignored.</summary>
    Local,

    /// <summary>Kept and committed with the run's files.</summary>
    Commit,

    /// <summary>Not kept.</summary>
    Off,
}

/// <summary>The top-level settings of <c>newsmirror.yml</c> besides its sources.</summary>
public sealed record ArchiveSettings
{
    public ArchiveLayout Layout { get; init; } = ArchiveLayout.Duty;

    /// <summary>"Name &lt;email&gt;" for the author and committer of run commits; null: git's configured user, else NewsMirror's default.</summary>
    public string? GitAuthor { get; init; }

    /// <summary>
    /// The SSH key (<c>git: sign:</c>, a path, <c>~/</c> for the home folder) run commits are signed with through git's
    /// SSH signing; null: git's own configuration decides.
    /// </summary>
    public string? SigningKey { get; init; }

    /// <summary>The remotes <c>--push</c> pushes to (<c>push:</c>), first the one caught up with; empty: the branch's upstream, else origin.</summary>
    public IReadOnlyList<string> PushRemotes { get; init; } = [];

    /// <summary>Whether every run writes STATUS.md, the sources' health, into the archive (committed with the run's files).</summary>
    public bool StatusFile { get; init; }

    /// <summary>A shared PostgreSQL catalog (<c>catalog: postgres://…</c>) for a fleet of workers; null: the archive's own SQLite catalog.</summary>
    public string? Catalog { get; init; }

    /// <summary>What becomes of the raw captures of a run's fetches.</summary>
    public RawCapture Raw { get; init; } = RawCapture.Local;
}
